import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { copyCertificateToWeb, gatewayListenersMustBe, httpsListener } from './gateway-secret-checks.ts';

export const gatewaySecretInvalidReferenceGrant = defineConformanceTest({
  name: 'GatewaySecretInvalidReferenceGrant',
  description: 
    'A Gateway in the infra namespace does not become ready when its certificateRef names a Secret in the web-backend namespace and the ReferenceGrants there permit something else',
  features: [Feature.Gateway, Feature.ReferenceGrant],
  manifests: ['gateway-secret-invalid-reference-grant.yaml'],
  specRefs: [123],
  async run(t) {
    await copyCertificateToWeb(t, 'gateway-secret-invalid-reference-grant-certificate');
    await t.cases([{ name: 'Gateway listener should have a false ResolvedRefs condition with reason RefNotPermitted' }], () =>
      gatewayListenersMustBe(
        t,
        'gateway-secret-invalid-reference-grant',
        httpsListener([{ type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }]),
      ),
    );
  },
});
