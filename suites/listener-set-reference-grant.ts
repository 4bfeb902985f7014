import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { copyCertificateToWeb } from './gateway-secret-checks.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { LISTENERS_NOT_VALID } from './listener-set-status.ts';

const CERTIFICATE = 'listener-set-reference-grant-certificate';

/**
 * ListenerSet "ReferenceGrant Semantics: ReferenceGrants applied to a Gateway are not inherited by
 * child ListenerSets", and RefNotPermitted is the ResolvedRefs reason when a listener's TLS
 * configuration "references an object in another namespace, where the object in the other
 * namespace does not have a ReferenceGrant explicitly allowing the reference"
 * (listenerset_types.go; §12 123). The infra ListenerSet has a grant of its own kind and namespace
 * and resolves its certificate; the app one has none (the Gateway's grant does not cover it), so
 * with its only listener invalid it is not accepted. As upstream, attachedListenerSets is not
 * read: implementations may count a ListenerSet with unresolved refs differently.
 */
export const listenerSetReferenceGrant = defineConformanceTest({
  name: 'ListenerSetReferenceGrant',
  description: 'A ListenerSet listener may use a certificate of another namespace only when a ReferenceGrant from ListenerSets of its namespace permits it',
  features: [Feature.Gateway, Feature.ListenerSet, Feature.ReferenceGrant],
  manifests: ['listener-set-reference-grant.yaml'],
  specRefs: [123],
  async run(t) {
    await copyCertificateToWeb(t, CERTIFICATE);
    await listenerSetScenarioMustHold(t, {
      gateway: 'gateway-with-listener-sets-test-reference-grant',
      listenerSets: [
        {
          name: 'listenerset-with-reference-grant',
          conditions: [
            { type: 'Accepted', status: 'True' },
            { type: 'Programmed', status: 'True' },
          ],
          listeners: [{ name: 'listenerset-with-reference-grant-listener', conditions: [{ type: 'ResolvedRefs', status: 'True' }] }],
        },
        {
          name: 'listenerset-without-reference-grant',
          namespace: 'app',
          conditions: LISTENERS_NOT_VALID,
          listeners: [{ name: 'listenerset-without-reference-grant-listener', conditions: [{ type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }] }],
        },
      ],
    });
  },
});
