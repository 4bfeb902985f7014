import { Feature } from '../harness/features/features.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'seed-reflection-gateway' };
const HOST = 'reflection.example.com';

/** Services of the echo backend's descriptors; reflection must list them through the gateway. */
const EXPECTED_SERVICES = [ECHO_SERVICE, ECHO_PLUS_SERVICE];

export const grpcRouteSeedReflection = defineConformanceTest({
  name: 'GRPCRouteSeedReflection',
  description: 'Guide scenario: a service-only match on grpc.reflection.v1.ServerReflection lets clients list the backend services through the gateway',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-seed-reflection.yaml'],
  specRefs: [1, 93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: 'seed-reflection-route' }] });
    const tls = { serverName: HOST, ca: t.kube.certificates.caPem };
    await t.step('reflection through the gateway lists the echo services', () =>
      t.grpc.converge('reflection lists the backend services', async () => {
        const services = await t.grpc.reflectionListServices(gw, { authority: HOST, tls });
        const missing = EXPECTED_SERVICES.filter((s) => !services.includes(s));
        if (missing.length > 0) throw new Error(`reflection listed ${services.join(', ')}; missing ${missing.join(', ')}`);
        return services;
      }),
    );
    // The backend implements Echo: UNIMPLEMENTED shows the gateway routes only Login and reflection.
    await t.grpc.expectCases(gw, [
      { name: 'Echo is not routed: UNIMPLEMENTED from the gateway', call: { method: 'Echo', authority: HOST, tls }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
    ]);
  },
});
