import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { copyCertificateToWeb, gatewayListenersMustBe, httpsListener } from './gateway-secret-checks.ts';

export const gatewaySecretMissingReferenceGrant = defineConformanceTest({
  name: 'GatewaySecretMissingReferenceGrant',
  description: 
    'A Gateway in the infra namespace does not become programmed when its certificateRef names a Secret in the web-backend namespace and no ReferenceGrant permits it',
  features: [Feature.Gateway, Feature.ReferenceGrant],
  manifests: ['gateway-secret-missing-reference-grant.yaml'],
  specRefs: [123],
  async run(t) {
    await copyCertificateToWeb(t, 'gateway-secret-missing-reference-grant-certificate');
    await t.cases([{ name: 'Gateway listener should have a false ResolvedRefs condition with reason RefNotPermitted' }], () =>
      gatewayListenersMustBe(
        t,
        'gateway-secret-missing-reference-grant',
        httpsListener([{ type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }]),
      ),
    );
  },
});
