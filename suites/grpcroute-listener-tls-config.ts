import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const GATEWAY = { name: 'grpcroute-listener-tls' };
const GRANTED_HOST = 'granted-listener-tls.example.com';

// The run's certificates exist only in infra; a cross-namespace certificateRef needs a copy elsewhere.
const copiedSecret = (source: KubeObject, name: string, namespace: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace },
  type: 'kubernetes.io/tls',
  data: source.data,
});

export const grpcRouteListenerTlsConfig = defineConformanceTest({
  name: 'GRPCRouteListenerTLSConfig',
  description:
    'HTTPS listener certificateRefs: a cross-namespace Secret without a ReferenceGrant is RefNotPermitted, with one it resolves and serves; ' +
    'a missing Secret or one without a TLS key pair leaves the listener ResolvedRefs=False InvalidCertificateRef',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.ReferenceGrant],
  manifests: ['grpcroute-listener-tls-config.yaml'],
  // An invalid certificateRef is ResolvedRefs=False InvalidCertificateRef (ListenerReasonInvalidCertificateRef),
  // all upstream's GatewayInvalidTLSConfiguration checks. Programmed and its reason (Invalid, or the
  // implementer guide's InvalidTLSConfig for TLS config that is insufficient) are left to the implementation.
  specRefs: [123],
  async run(t) {
    const source = await t.kube.get({ kind: 'Secret', name: 'example-com-cert', namespace: t.namespaces.infra });
    if (!source) throw new Error('Secret example-com-cert is missing from the infra namespace');
    await t.kube.apply([
      copiedSecret(source, 'listener-tls-granted-cert', t.namespaces.app),
      copiedSecret(source, 'listener-tls-ungranted-cert', t.namespaces.app),
    ]);
    const insufficientTls = [{ type: 'ResolvedRefs', status: 'False', reason: 'InvalidCertificateRef' }] as const;
    await t.cases(
      [
        { name: 'granted: the cross-namespace Secret resolves', listener: 'granted', expect: [{ type: 'ResolvedRefs', status: 'True' }, { type: 'Programmed', status: 'True' }] },
        { name: 'not-granted: no ReferenceGrant names the Secret', listener: 'not-granted', expect: [{ type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }] },
        { name: 'missing-secret: the Secret does not exist', listener: 'missing-secret', expect: insufficientTls },
        { name: 'not-tls-secret: the Secret holds no tls.crt/tls.key', listener: 'not-tls-secret', expect: insufficientTls },
      ] as const,
      (c) => t.kube.listenerMustHaveConditions(GATEWAY, c.listener, c.expect),
    );
    const gw = await t.kube.gatewayAddress(GATEWAY, 'granted');
    await t.grpc.expectCases(gw, [
      {
        name: 'the granted certificate terminates TLS (ALPN h2) and the route behind it is served',
        call: { method: 'Echo', authority: GRANTED_HOST, tls: { serverName: GRANTED_HOST, ca: t.kube.certificates.caPem } },
        expect: { backend: 'grpc-infra-backend-v1', authority: GRANTED_HOST, alpn: 'h2' },
      },
    ]);
  },
});
