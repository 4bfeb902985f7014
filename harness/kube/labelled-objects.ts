import type { KubeClient } from './client.ts';
import { apiVersionFor } from './kinds.ts';
import type { KubeObject, LabelledObjects, LabelledObjectsQuery } from './types.ts';
import { done, notYet, waitForTargets } from './wait.ts';

export interface LabelledObjectsWait {
  readonly client: KubeClient;
  readonly namespace: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

const describe = (o: KubeObject): string =>
  `${o.kind} ${o.metadata.name} labels ${JSON.stringify(o.metadata.labels ?? {})} annotations ${JSON.stringify(o.metadata.annotations ?? {})}`;

/**
 * Watches every kind of `query` at once and resolves with the objects by kind once `predicate`
 * holds for them; on timeout the error lists every object last seen with its labels and annotations.
 */
export async function labelledObjectsMustSatisfy(
  wait: LabelledObjectsWait,
  query: LabelledObjectsQuery,
  what: string,
  predicate: (byKind: LabelledObjects) => boolean,
): Promise<LabelledObjects> {
  const namespace = query.namespace ?? wait.namespace;
  const targets = await Promise.all(
    query.kinds.map(async (kind) => ({ apiVersion: await apiVersionFor(wait.client, kind), kind, namespace, labelSelector: query.labelSelector })),
  );
  return waitForTargets(
    wait.client,
    targets,
    (lists) => {
      const byKind: LabelledObjects = Object.fromEntries(query.kinds.map((kind, i) => [kind, lists[i]!.map((o) => ({ ...o, kind }))]));
      if (predicate(byKind)) return done(byKind);
      const seen = Object.values(byKind).flat();
      return notYet(seen.length === 0 ? 'no object carries the labels' : seen.map(describe).join('; '));
    },
    {
      object: `${query.kinds.join(', ')} in ${namespace} with ${query.labelSelector}`,
      wanted: what,
      timeoutName: 'routeMustHaveParents',
      timeoutMs: wait.timeoutMs,
      signal: wait.signal,
    },
  );
}
