import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'multiple-gateways.grpc.example';
const ROUTE = { name: 'multiple-gateways' };
const GATEWAYS = ['same-namespace', 'all-namespaces'];

export const grpcRouteMultipleGateways = defineConformanceTest({
  name: 'GRPCRouteMultipleGateways',
  description: 'A route with two Gateway parents is accepted by each, and traffic through either Gateway reaches its backend',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-multiple-gateways.yaml'],
  // Both parents are valid, so this never tests that one parentRef's fate leaves the other's alone (#100):
  // GRPCRouteOutOfScopeParent does.
  specRefs: [93],
  async run(t) {
    await t.cases(
      GATEWAYS.map((name) => ({ name: `through Gateway ${name}`, gateway: name })),
      async (c) => {
        const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: c.gateway, listeners: ['http'] }, routes: [ROUTE] });
        await t.grpc.expectEventually(gw, {
          name: `Echo through ${c.gateway}`,
          call: { method: 'Echo', authority: HOST },
          expect: { backend: 'grpc-infra-backend-v2', authority: HOST },
        });
      },
    );
  },
});
