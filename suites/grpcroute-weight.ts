import { Feature } from '../harness/features/features.ts';
import type { GrpcChannel, GrpcHelpers } from '../harness/grpc/types.ts';
import type { GatewayAddress } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { expectWeightedSplit } from '../harness/stats/expect-weighted-split.ts';

const ROUTES = ['weighted-backends', 'weighted-backends-equal'];

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

/**
 * Upstream's GRPCRouteWeight dials a new connection for every sample, so a gateway that balances per
 * connection passes it; a test under its name must not need per-RPC balancing on one connection
 * (docs/strictness.md). Every sample therefore gets a channel of its own.
 */
function connectionPerSample(grpc: GrpcHelpers): GrpcHelpers {
  const openChannel = (gw: GatewayAddress): GrpcChannel => ({ send: (call) => grpc.send(gw, call), renew: () => {}, close: () => {} });
  return new Proxy(grpc, { get: (target, key) => (key === 'openChannel' ? openChannel : Reflect.get(target, key)) });
}

export const grpcRouteWeight = defineConformanceTest({
  name: 'GRPCRouteWeight',
  description: 'A GRPCRoute with weighted backends',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-weight.yaml'],
  // Upstream checks that a weight-0 backend beside others gets nothing (the 70/30/0 split); rules
  // whose backends all have weight 0 are left out: the spec leaves their answer open (digest §4.2).
  specRefs: [3, 79, 80, 93],
  slow: true,
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: ROUTES.map((name) => ({ name })),
    });
    const grpc = connectionPerSample(t.grpc);
    // One split at a time: each keeps up to 10 RPCs in flight, and the machine is small.
    for (const split of SPLITS) {
      const observed = await t.step(split.name, () =>
        expectWeightedSplit(grpc, gw, {
          call: { method: 'Echo', authority: split.authority },
          namespace: t.namespaces.infra,
          weights: split.weights,
        }),
      );
      t.log(`${split.name}: ${JSON.stringify(observed)}`);
    }
  },
});
