import type { KubeClient } from '../../kube/client.ts';
import { conditionsOf } from '../../kube/status.ts';
import type { KubeObject } from '../../kube/types.ts';
import { done, notYet, waitForObjects } from '../../kube/wait.ts';

/** Every Node of the cluster reports Ready=True (kind returns before workers are Ready). */
export function waitForNodesReady(client: KubeClient, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return waitForObjects(
    client,
    { apiVersion: 'v1', kind: 'Node' },
    (nodes: readonly KubeObject[]) => {
      if (nodes.length === 0) return notYet('no nodes registered');
      const notReady = nodes.filter((n) => !conditionsOf(n.status).some((c) => c.type === 'Ready' && c.status === 'True'));
      return notReady.length === 0 ? done(undefined) : notYet(`not Ready: ${notReady.map((n) => n.metadata.name).join(', ')}`);
    },
    { object: 'Nodes', wanted: 'Ready=True on every node', timeoutName: 'namespacesMustBeReady', timeoutMs, ...(signal ? { signal } : {}) },
  );
}
