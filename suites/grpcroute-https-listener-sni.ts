import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'https-listener-sni' };
// Each SNI with the listener name it matches longest; certificateFor compares the literal SAN, so the
// wildcard certificate never passes for an exact name (#122).
const HOSTS = [
  { sni: 'one.sni.example', certificate: 'one.sni.example' },
  { sni: 'two.sni.example', certificate: 'two.sni.example' },
  { sni: 'three.sni.example', certificate: '*.sni.example' },
] as const;

export const grpcRouteHttpsListenerSni = defineConformanceTest({
  name: 'GRPCRouteHTTPSListenerSNI',
  description: 'gRPC over HTTPS listeners: ALPN picks h2 from h2 and http/1.1, and the SNI selects the certificate of the longest matching listener hostname (exact over wildcard; SAN checked) generated for this run',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-https-listener-sni.yaml'],
  specRefs: [1, 93, 122],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: 'https-listener-sni' }] });
    // The certificate is judged in the convergence loop with the routing, like every other fact of
    // the answer: a gateway still loading a listener certificate is programming, not failing (#122).
    const cases = HOSTS.map(
      ({ sni, certificate }): GrpcCase => ({
        name: `SNI ${sni}: h2 negotiated, certificate for ${certificate}, routed`,
        call: { method: 'Echo', authority: sni, tls: { serverName: sni, ca: t.kube.certificates.caPem, alpn: ['h2', 'http/1.1'] } },
        expect: { backend: 'grpc-infra-backend-v1', authority: sni, alpn: 'h2', certificateFor: certificate },
      }),
    );
    await t.grpc.expectCases(gw, cases);
  },
});
