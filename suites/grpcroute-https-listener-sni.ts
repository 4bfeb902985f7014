import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'https-listener-sni' };
const HOSTS = ['one.sni.example', 'two.sni.example'] as const;

/** The certificate the gateway presented does not carry the SNI name the client asked for. */
class WrongCertificateError extends Error {
  readonly code = 'GRPCCONF_WRONG_LISTENER_CERTIFICATE';
  constructor(readonly expected: string, readonly observed: unknown) {
    super(`listener certificate for SNI ${expected} has subjectAltName ${JSON.stringify(observed)}`);
    this.name = 'WrongCertificateError';
  }
}

export const grpcRouteHttpsListenerSni = defineConformanceTest({
  name: 'GRPCRouteHTTPSListenerSNI',
  description: 'gRPC over HTTPS listeners: ALPN picks h2 from h2 and http/1.1, and the SNI selects the listener certificate (SAN checked) generated for this run',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-https-listener-sni.yaml'],
  specRefs: [1, 93, 122],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: GATEWAY, routes: [{ name: 'https-listener-sni' }] });
    const cases = HOSTS.map(
      (host): GrpcCase => ({
        name: `SNI ${host}: h2 negotiated, certificate for ${host}, routed`,
        call: { method: 'Echo', authority: host, tls: { serverName: host, ca: t.kube.certificates.caPem, alpn: ['h2', 'http/1.1'] } },
        expect: { backend: 'grpc-infra-backend-v1', authority: host, alpn: 'h2' },
      }),
    );
    // The call verifies the chain against the run CA and the SNI name; the SAN check names the failure.
    await t.cases(cases, async (c) => {
      const host = c.call.tls?.serverName ?? '';
      const result = await t.grpc.expectEventually(gw, c);
      const san = result.tls?.peerCertificateSubjectAltName ?? '';
      if (!san.split(',').map((s) => s.trim()).includes(`DNS:${host}`) || result.tls?.authorizationError) {
        throw new WrongCertificateError(host, { san, authorizationError: result.tls?.authorizationError });
      }
    });
  },
});
