import { KindInformer as SharedKindInformer } from '../../../kube-rest/informer.ts';
import type { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import type { ObjectCache } from './cache.ts';
import { WATCHED_KINDS } from './resources.ts';
import type { WatchedKind } from './resources.ts';

/** The shared informer, finding each watched kind at the versions WATCHED_KINDS lists. */
export class KindInformer extends SharedKindInformer<WatchedKind> {
  constructor(kind: WatchedKind, client: KubeRestClient, cache: ObjectCache, log: (line: string) => void) {
    super(kind, WATCHED_KINDS[kind], client, cache, log);
  }
}
