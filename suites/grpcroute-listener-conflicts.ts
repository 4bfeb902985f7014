import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'grpcroute-listener-conflicts' };
const CLEAN_HOST = 'clean.listener-conflicts.example';
const CONFLICTED_HOST = 'http.listener-conflicts.example';

export const grpcRouteListenerConflicts = defineConformanceTest({
  name: 'GRPCRouteListenerConflicts',
  description:
    'An HTTP and an HTTPS listener on one port are not distinct: both are Conflicted=True ProtocolConflict and not programmed, ' +
    'and a route on the HTTP one is not served, while a listener on another port of the same Gateway serves',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-listener-conflicts.yaml'],
  specRefs: [126],
  async run(t) {
    const conflicted = [
      { type: 'Conflicted', status: 'True', reason: 'ProtocolConflict' },
      { type: 'Programmed', status: 'False' },
    ] as const;
    await t.cases(
      [
        { name: 'conflict-http is Conflicted and not programmed', listener: 'conflict-http', expect: conflicted },
        { name: 'conflict-https is Conflicted and not programmed', listener: 'conflict-https', expect: conflicted },
        { name: 'clean has no conflict', listener: 'clean', expect: [{ type: 'Conflicted', status: 'False' }, { type: 'Programmed', status: 'True' }] },
      ] as const,
      (c) => t.kube.listenerMustHaveConditions(GATEWAY, c.listener, c.expect),
    );
    const clean = await t.kube.gatewayAddress(GATEWAY, 'clean');
    const conflictPort = await t.kube.gatewayAddress(GATEWAY, 'conflict-http');
    // The clean listener serving first shows the data plane has this Gateway; only then is a failure on port 443 meaningful.
    await t.grpc.expectEventually(clean, {
      name: 'the clean listener serves its route',
      call: { method: 'Echo', authority: CLEAN_HOST },
      expect: { backend: 'grpc-infra-backend-v1', authority: CLEAN_HOST },
    });
    await t.grpc.expectEventually(conflictPort, {
      name: 'the conflicted HTTP listener does not serve its route',
      call: { method: 'Echo', authority: CONFLICTED_HOST },
      expect: { anyError: true },
    });
  },
});
