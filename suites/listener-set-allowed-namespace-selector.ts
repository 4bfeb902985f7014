import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { ATTACHED, NOT_ALLOWED, VALID_LISTENER } from './listener-set-status.ts';

/**
 * ListenerNamespaces.from "Selector: ListenerSets in namespaces selected by the selector may be
 * attached", and then "only ListenerSets in Namespaces matching this Selector will be selected"
 * (gateway_types.go). The selector picks our backend-labelled namespaces, so the app ListenerSet
 * attaches and is counted; the refused one lives in the Gateway's own namespace (labelled infra),
 * which shows Selector is not read as Same. Upstream uses two namespaces of its own; ours are the
 * run's three. Every condition asked for names its object's current generation (§12 104).
 */
export const listenerSetAllowedNamespaceSelector = defineConformanceTest({
  name: 'ListenerSetAllowedNamespaceSelector',
  description: 'ListenerSets in namespaces whose labels match the selector are allowed when allowedListeners namespaces are from Selector; others are not',
  features: [Feature.Gateway, Feature.ListenerSet],
  manifests: ['listener-set-allowed-namespace-selector.yaml'],
  specRefs: [104],
  run: (t) =>
    listenerSetScenarioMustHold(t, {
      gateway: 'gateway-allows-listenerset-in-selected-namespace',
      attachedListenerSets: 1,
      listenerSets: [
        {
          name: 'listenerset-in-selected-namespace',
          namespace: 'app',
          conditions: ATTACHED,
          listeners: [{ name: 'listenerset-in-selected-namespace-listener', conditions: VALID_LISTENER }],
        },
        { name: 'listenerset-not-in-selected-namespace', conditions: NOT_ALLOWED },
      ],
    }),
});
