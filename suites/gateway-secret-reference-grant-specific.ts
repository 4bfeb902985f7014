import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { copyCertificateToWeb, gatewayListenersMustBe, httpsListener } from './gateway-secret-checks.ts';

export const gatewaySecretReferenceGrantSpecific = defineConformanceTest({
  name: 'GatewaySecretReferenceGrantSpecific',
  description: 
    'A Gateway in the infra namespace becomes programmed when its certificateRef names a Secret in the web-backend namespace and a ReferenceGrant permits that Secret',
  features: [Feature.Gateway, Feature.ReferenceGrant],
  manifests: ['gateway-secret-reference-grant-specific.yaml'],
  specRefs: [89, 123],
  async run(t) {
    await copyCertificateToWeb(t, 'gateway-secret-reference-grant-specific-certificate');
    await t.cases([{ name: 'Gateway listener should have a true ResolvedRefs condition and a true Programmed condition' }], () =>
      gatewayListenersMustBe(
        t,
        'gateway-secret-reference-grant-specific',
        httpsListener([
          { type: 'Programmed', status: 'True', reason: 'Programmed' },
          { type: 'ResolvedRefs', status: 'True' },
        ]),
      ),
    );
  },
});
