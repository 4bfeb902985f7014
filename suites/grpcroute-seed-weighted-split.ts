import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { expectWeightedSplit } from '../harness/stats/expect-weighted-split.ts';

const HOST = 'foo.seed-weighted-split.grpc.example';

export const grpcRouteSeedWeightedSplit = defineConformanceTest({
  name: 'GRPCRouteSeedWeightedSplit',
  description: 'Guide scenario: 90% of foo traffic to foo-v1 and 10% to foo-v2, decided by a sequential test (false failure ≤ 1e-4)',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-seed-weighted-split.yaml'],
  specRefs: [3, 80, 93],
  slow: true,
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'seed-weighted-split' }],
    });
    // seed-foo-v1 selects the v1 echo pods and seed-foo-v2 the v2 ones.
    const observed = await t.step('90/10: shares follow the weights', () =>
      expectWeightedSplit(t.grpc, gw, {
        call: { method: 'Echo', authority: HOST },
        namespace: t.namespaces.infra,
        weights: { 'grpc-infra-backend-v1': 90, 'grpc-infra-backend-v2': 10 },
      }),
    );
    t.log(`90/10: ${JSON.stringify(observed)}`);
  },
});
