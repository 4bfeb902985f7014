import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'seed-https-gateway' };
const BACKEND = 'grpc-infra-backend-v2';

export const grpcRouteSeedHttpsListener = defineConformanceTest({
  name: 'GRPCRouteSeedHTTPSListener',
  description: 'Guide scenario: gRPC over an HTTPS listener on port 50051 with certificateRefs, h2 negotiated by ALPN',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-seed-https-listener.yaml'],
  specRefs: [1, 93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: 'example-route' }] });
    await t.step('listener grpc counts example-route', () => t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'grpc', 1));
    const ca = t.kube.certificates.caPem;
    // The harness verifies the listener certificate against `ca` and the SNI, so an OK answer means it verified.
    const cases: GrpcCase[] = [
      {
        name: 'SNI seed-https.example.com: the wildcard certificate verifies, ALPN h2, routed to seed-example-svc',
        call: { method: 'Echo', authority: 'seed-https.example.com', tls: { serverName: 'seed-https.example.com', ca } },
        expect: { backend: BACKEND, authority: 'seed-https.example.com', alpn: 'h2' },
      },
      {
        name: 'SNI example.com: the apex certificate name verifies, ALPN h2, routed to seed-example-svc',
        call: { method: 'EchoTwo', authority: 'example.com', tls: { serverName: 'example.com', ca } },
        expect: { backend: BACKEND, authority: 'example.com', alpn: 'h2' },
      },
      {
        // Not bar.example.com: GRPCRouteSeedCanaryHeaderRouting routes that name on an identical listener.
        name: 'no-route.example.com is covered by the certificate but by no route: UNIMPLEMENTED over h2',
        call: { method: 'Echo', authority: 'no-route.example.com', tls: { serverName: 'no-route.example.com', ca } },
        expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway', alpn: 'h2' },
      },
    ];
    await t.grpc.expectCases(gw, cases);
  },
});
