import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'no-endpoints.grpc.example';

export const grpcRouteBackendNoEndpoints = defineConformanceTest({
  name: 'GRPCRouteBackendNoEndpoints',
  description: 'A Service without ready endpoints is a resolved reference (ResolvedRefs=True); its RPCs get a gateway-made UNAVAILABLE, never UNIMPLEMENTED',
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
        name: 'no ready endpoint: the gateway answers UNAVAILABLE',
        call: { method: 'Echo', authority: HOST },
        expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
      },
    ]);
  },
});
