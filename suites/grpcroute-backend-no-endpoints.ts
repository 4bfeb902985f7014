import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'no-endpoints.grpc.example';

export const grpcRouteBackendNoEndpoints = defineConformanceTest({
  name: 'GRPCRouteBackendNoEndpoints',
  // GRPCRoute names no code for a backend without endpoints (HTTPRoute only SHOULD answer 503), so any
  // gateway-made error passes; a reset or refused connection is no answer and does not.
  description: 'A Service without ready endpoints is a resolved reference (ResolvedRefs=True); its RPCs get an error status made by the gateway',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-backend-no-endpoints.yaml'],
  specRefs: [93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'backend-no-endpoints' }],
    });
    await t.grpc.expectCases(gw, [
      {
        name: 'no ready endpoint: the gateway answers with an error status',
        call: { method: 'Echo', authority: HOST },
        expect: { anyError: true, answeredBy: 'gateway' },
      },
    ]);
  },
});
