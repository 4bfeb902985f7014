import type { KubeClient } from '../../harness/kube/client.ts';
import type { KubeObject } from '../../harness/kube/types.ts';
import { done, notYet, waitForObjects } from '../../harness/kube/wait.ts';

const PREFIX = 'gateway-conformance-';
const WAIT_MS = 180_000;

/**
 * Upstream deletes its base namespaces when it ends but does not wait for them; a second run
 * that starts while they terminate fails to create its base. Waits until they are gone.
 */
export function upstreamNamespacesGone(client: KubeClient, signal: AbortSignal): Promise<void> {
  return waitForObjects(
    client,
    { apiVersion: 'v1', kind: 'Namespace' },
    (namespaces: readonly KubeObject[]) => {
      const left = namespaces.map((n) => n.metadata.name).filter((name) => name.startsWith(PREFIX));
      return left.length === 0 ? done(undefined) : notYet(`still there: ${left.join(', ')}`);
    },
    { object: `Namespaces ${PREFIX}*`, wanted: 'gone', timeoutName: 'namespacesMustBeGone', timeoutMs: WAIT_MS, signal },
  );
}
