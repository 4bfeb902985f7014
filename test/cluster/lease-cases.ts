// The run lease's cases, for any API server: the embedded one (test/cluster/run-lease.test.ts)
// and a real kube-apiserver with the real namespace controller (test/control-plane/run-lease.test.ts).
import { expect, it } from 'vitest';
import type { KubeClient } from '../../harness/kube/client.ts';
import { LABEL_RUN_ID, runLabels } from '../../harness/kube/labels.ts';
import type { KubeObject } from '../../harness/kube/types.ts';
import { acquireRunLease, RUN_LEASE_NAME, type LeaseTiming } from '../../harness/run/run-lease.ts';

const INFRA = 'grpc-conformance-infra';
/** Short, so a dead run is proven dead in 5 s, yet renewed twelve times per duration: a loaded CI machine can delay a renewal by seconds. */
const TIMING: LeaseTiming = { durationSeconds: 3, renewEveryMs: 250, marginMs: 2000 };

function namespaceOf(runId: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INFRA, labels: { ...runLabels(runId, 'base'), 'gateway-conformance': 'infra' } } };
}

function acquire(client: KubeClient, runId: string, waitMs: number, lines: string[] = []) {
  return acquireRunLease(client, { runId, namespace: namespaceOf(runId), waitMs, deleteTimeoutMs: 60_000, timing: TIMING, log: (l) => lines.push(l) });
}

async function holderOf(client: KubeClient): Promise<string | undefined> {
  return (await client.get({ apiVersion: 'v1', kind: 'Namespace', name: INFRA }))?.metadata.labels?.[LABEL_RUN_ID];
}

export function leaseCases(clientOf: () => KubeClient): void {
  it('a live run keeps the cluster: another run waits, touches nothing, and gives up at its deadline', async () => {
    const client = clientOf();
    const live = await acquire(client, 'r-live', 1000);
    const lines: string[] = [];
    const started = Date.now();
    await expect(acquire(client, 'r-second', 3000, lines)).rejects.toMatchObject({ code: 'GRPCCONF_CLUSTER_IN_USE' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(lines).toEqual([expect.stringMatching(/^cluster in use by run r-live \(lease grpc-conformance-infra\/grpcroute-conformance-run renewed\); waiting until it ends/)]);
    expect(await holderOf(client)).toBe('r-live');
    const lease = await client.get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: INFRA, name: RUN_LEASE_NAME });
    expect((lease?.spec as { holderIdentity?: string }).holderIdentity).toBe('r-live');
    await live.release({ deleteNamespace: true });
    expect(await holderOf(client)).toBeUndefined();
  }, 60_000);

  it('a waiting run takes the cluster as soon as the live one releases it', async () => {
    const client = clientOf();
    const first = await acquire(client, 'r-first', 1000);
    const lines: string[] = [];
    const second = acquire(client, 'r-next', 60_000, lines);
    // Released once the second run has seen the first one alive.
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(1);
    await first.release({ deleteNamespace: true });
    const held = await second;
    expect(await holderOf(client)).toBe('r-next');
    expect(lines.some((l) => l.includes('is dead'))).toBe(false);
    await held.release({ deleteNamespace: true });
  }, 90_000);

  it('a dead run (lease not renewed for its duration plus margin) is removed, then the cluster is taken', async () => {
    const client = clientOf();
    await client.create(namespaceOf('r-dead'));
    const now = new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    await client.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: RUN_LEASE_NAME, namespace: INFRA, labels: runLabels('r-dead', 'base') },
      spec: { holderIdentity: 'r-dead', leaseDurationSeconds: 3, acquireTime: now, renewTime: now },
    } as KubeObject);
    const lines: string[] = [];
    const started = Date.now();
    const held = await acquire(client, 'r-after', 60_000, lines);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
    expect(lines).toEqual([`run r-dead is dead: its lease ${INFRA}/${RUN_LEASE_NAME} was not renewed for 5s; deleting namespace ${INFRA}`]);
    expect(await holderOf(client)).toBe('r-after');
    await held.release({ deleteNamespace: true });
  }, 90_000);
}
