import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'multiple-gateways.grpc.example';
const SHARED = { name: 'multiple-gateways-shared' };

/** Upstream v1.7.0's cases: the shared route's Echo reaches v1 through both; EchoTwo reaches each Gateway's own route. */
const GATEWAYS = [
  { gateway: 'same-namespace', dedicated: 'multiple-gateways-only-same-namespace', echoTwoBackend: 'grpc-infra-backend-v2' },
  { gateway: 'all-namespaces', dedicated: 'multiple-gateways-only-all-namespaces', echoTwoBackend: 'grpc-infra-backend-v3' },
];

export const grpcRouteMultipleGateways = defineConformanceTest({
  name: 'GRPCRouteMultipleGateways',
  description: 'A route shared by two Gateways is served through each; a route of one Gateway only through that one',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-multiple-gateways.yaml'],
  // Both parents are valid, so this never tests that one parentRef's fate leaves the other's alone (#100):
  // GRPCRouteOutOfScopeParent does.
  specRefs: [93],
  async run(t) {
    await t.cases(
      GATEWAYS.map((g) => ({ name: `Gateway ${g.gateway}`, ...g })),
      async (c) => {
        const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: c.gateway, listeners: ['http'] }, routes: [SHARED, { name: c.dedicated }] });
        await t.grpc.expectEventually(gw, {
          name: `shared route: Echo through ${c.gateway} goes to grpc-infra-backend-v1`,
          call: { method: 'Echo', authority: HOST },
          expect: { backend: 'grpc-infra-backend-v1', authority: HOST },
        });
        await t.grpc.expectEventually(gw, {
          name: `dedicated route: EchoTwo through ${c.gateway} goes to ${c.echoTwoBackend}`,
          call: { method: 'EchoTwo', authority: HOST },
          expect: { backend: c.echoTwoBackend, authority: HOST },
        });
      },
    );
  },
});
