import type { KubeClient, ObjectKey } from '../kube/client.ts';
import { keyOf } from '../kube/client.ts';
import { waitUntilGone } from '../kube/apply.ts';
import { apiVersionFor } from '../kube/kinds.ts';
import { LABEL_KEEP, LABEL_RUN_ID, MANAGED_SELECTOR } from '../kube/labels.ts';
import type { KubeObject } from '../kube/types.ts';

/** Namespaced kinds a run may leave outside its own namespaces. */
const SWEPT_KINDS = ['GRPCRoute', 'HTTPRoute', 'Gateway', 'ListenerSet', 'ReferenceGrant', 'BackendTLSPolicy', 'Service', 'Deployment', 'Secret', 'ConfigMap'];

/**
 * Deletes what runs other than `runId` left behind (found by the managed-by label; objects labelled
 * keep=true are spared) and waits until it is gone. Namespaces go first: their contents go with them.
 */
export async function sweepDeadRuns(client: KubeClient, runId: string, timeoutMs: number, log: (line: string) => void): Promise<number> {
  const isLeftover = (o: KubeObject): boolean => o.metadata.labels?.[LABEL_RUN_ID] !== runId && o.metadata.labels?.[LABEL_KEEP] !== 'true';
  const namespaces = (await client.list('v1', 'Namespace', { labelSelector: MANAGED_SELECTOR })).items.filter(isLeftover);
  const doomed = new Set(namespaces.map((n) => n.metadata.name));
  const keys: ObjectKey[] = namespaces.map(keyOf);
  for (const kind of SWEPT_KINDS) {
    let apiVersion: string;
    try {
      apiVersion = await apiVersionFor(client, kind);
    } catch {
      continue; // Kind not served here: nothing of it to sweep.
    }
    const items = (await client.list(apiVersion, kind, { labelSelector: MANAGED_SELECTOR })).items;
    keys.push(...items.filter((o) => isLeftover(o) && !doomed.has(o.metadata.namespace ?? '')).map(keyOf));
  }
  if (keys.length === 0) return 0;
  const runs = new Set([...namespaces].map((n) => n.metadata.labels?.[LABEL_RUN_ID] ?? '?'));
  log(`sweeping ${keys.length} leftover object(s) of earlier runs${runs.size ? ` (${[...runs].join(', ')})` : ''}`);
  for (const key of keys) await client.delete(key);
  await Promise.all(keys.map((key) => waitUntilGone(client, key, timeoutMs)));
  return keys.length;
}
