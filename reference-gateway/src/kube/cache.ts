import { ObjectCache as SharedObjectCache } from '../../../kube-rest/object-cache.ts';
import type { WatchedKind } from './resources.ts';

/** The shared object cache, typed to the kinds the controller watches. */
export class ObjectCache extends SharedObjectCache<WatchedKind> {}
