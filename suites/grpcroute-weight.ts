import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { expectWeightedSplit } from '../harness/stats/expect-weighted-split.ts';
import { Code } from './grpc-codes.ts';

const ROUTES = ['weighted-backends', 'weighted-backends-equal', 'weighted-backends-single-zero', 'weighted-backends-all-zero'];

/** Splits checked by the sequential test (false failure ≤ 1e-4 each); weights as in the fixture. */
const SPLITS = [
  {
    name: '70/30/0: shares follow the weights, the weight-0 backend gets nothing',
    authority: 'weight.grpc.example',
    weights: { 'grpc-infra-backend-v1': 70, 'grpc-infra-backend-v2': 30, 'grpc-infra-backend-v3': 0 },
  },
  {
    name: '1/1/1: equal weights give equal shares',
    authority: 'weight-equal.grpc.example',
    weights: { 'grpc-infra-backend-v1': 1, 'grpc-infra-backend-v2': 1, 'grpc-infra-backend-v3': 1 },
  },
];

/** Rules whose only backends have weight 0: no RPC may reach a backend. */
const NO_TRAFFIC = [
  { name: 'a single backend with weight 0: every RPC is UNAVAILABLE', authority: 'weight-single-zero.grpc.example' },
  { name: 'all weights 0: every RPC is UNAVAILABLE', authority: 'weight-all-zero.grpc.example' },
];

export const grpcRouteWeight = defineConformanceTest({
  name: 'GRPCRouteWeight',
  description: 'A GRPCRoute with weighted backends',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-weight.yaml'],
  specRefs: [3, 79, 80, 93],
  slow: true,
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: ROUTES.map((name) => ({ name })),
    });
    // One split at a time: each keeps up to 10 RPCs in flight, and the machine is small.
    for (const split of SPLITS) {
      const observed = await t.step(split.name, () =>
        expectWeightedSplit(t.grpc, gw, {
          call: { method: 'Echo', authority: split.authority },
          namespace: t.namespaces.infra,
          weights: split.weights,
        }),
      );
      t.log(`${split.name}: ${JSON.stringify(observed)}`);
    }
    await t.grpc.expectCases(
      gw,
      NO_TRAFFIC.map(({ name, authority }) => ({ name, call: { method: 'Echo', authority }, expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' } })),
      { successes: 20 },
    );
  },
});
