// The run lease on a real kube-apiserver: real Lease and Namespace semantics, and the real
// namespace controller deleting a dead run's namespace.
import { afterAll, beforeAll, describe } from 'vitest';
import type { RunningControlPlane } from '../../harness/cluster/control-plane/control-plane.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { leaseCases } from '../cluster/lease-cases.ts';
import { built, isRoot, startLoopbackPlane } from './loopback-plane.ts';

// The real namespace controller deletes a namespace some time after the DELETE, which once let a
// waiting run see a releasing holder's lease gone but its namespace not yet terminating, and call it
// dead (fixed in acquireRunLease: the namespace is re-read before a run is declared dead).
describe.skipIf(!isRoot || !built)('run lease (real kube-apiserver)', () => {
  let plane: RunningControlPlane;
  let client: KubeClient;
  beforeAll(async () => {
    plane = await startLoopbackPlane();
    client = KubeClient.load({ kubeconfigPath: plane.kubeconfigs.suite, userAgent: 'grpcroute-conformance::test::run-lease' });
  }, 120_000);
  afterAll(async () => plane?.stop());
  leaseCases(() => client);
});
