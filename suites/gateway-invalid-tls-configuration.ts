import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { describeListeners, hasLatestConditions, listenersMatch, type ExpectedListener } from './gateway-status.ts';

// ListenerReasonInvalidCertificateRef: "at least one TLS CertificateRef that is invalid or does not
// exist"; upstream expects HTTPRoute among the kinds of an HTTPS listener, as its other Gateway tests do.
const listeners: readonly ExpectedListener[] = [
  { name: 'https', supportedKinds: ['HTTPRoute'], conditions: [{ type: 'ResolvedRefs', status: 'False', reason: 'InvalidCertificateRef' }], attachedRoutes: 0 },
];

const CASES = [
  { name: 'Nonexistent secret referenced as CertificateRef in a Gateway listener', gateway: 'gateway-certificate-nonexistent-secret' },
  { name: 'Unsupported group resource referenced as CertificateRef in a Gateway listener', gateway: 'gateway-certificate-unsupported-group' },
  { name: 'Unsupported kind resource referenced as CertificateRef in a Gateway listener', gateway: 'gateway-certificate-unsupported-kind' },
  { name: 'Malformed secret referenced as CertificateRef in a Gateway listener', gateway: 'gateway-certificate-malformed-secret' },
] as const;

export const gatewayInvalidTlsConfiguration = defineConformanceTest({
  name: 'GatewayInvalidTLSConfiguration',
  description: 'A Gateway should fail to become ready if the Gateway has an invalid TLS configuration',
  features: [Feature.Gateway],
  manifests: ['gateway-invalid-tls-configuration.yaml'],
  specRefs: [104, 129, 132, 133],
  async run(t) {
    await t.cases(CASES, (c) =>
      t.kube
        .objectMustSatisfy({ kind: 'Gateway', name: c.gateway }, `conditions at the current generation; ${describeListeners(listeners)}`, (g) => hasLatestConditions(g) && listenersMatch(g, listeners))
        .then(() => undefined),
    );
  },
});
