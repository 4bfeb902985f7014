import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { NOT_ALLOWED } from './listener-set-status.ts';

/**
 * ListenerNamespaces.from "None: Only listeners defined in the Gateway's spec are allowed"
 * (gateway_types.go): even a ListenerSet of the Gateway's own namespace is refused, Accepted=False
 * reason NotAllowed (listenerset_types.go), and attachedListenerSets stays 0. Written explicitly,
 * unlike ListenerSetDefaultNotAllowed, where None is only the default. The ListenerSet's
 * conditions name its current generation (§12 104).
 */
export const listenerSetAllowedNamespaceNone = defineConformanceTest({
  name: 'ListenerSetAllowedNamespaceNone',
  description: 'ListenerSets are not allowed on a Gateway whose allowedListeners namespaces are from None',
  features: [Feature.Gateway, Feature.ListenerSet],
  manifests: ['listener-set-allowed-namespace-none.yaml'],
  specRefs: [104],
  run: (t) =>
    listenerSetScenarioMustHold(t, {
      gateway: 'gateway-does-not-allow-listenerset',
      attachedListenerSets: 0,
      listenerSets: [{ name: 'listenerset-not-allowed', conditions: NOT_ALLOWED }],
    }),
});
