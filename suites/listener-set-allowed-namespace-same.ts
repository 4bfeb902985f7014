import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { ATTACHED, NOT_ALLOWED, VALID_LISTENER } from './listener-set-status.ts';

/**
 * ListenerNamespaces.from "Same: Only ListenerSets in the same namespace may be attached to this
 * Gateway" (gateway_types.go). The infra ListenerSet attaches (Accepted reason Accepted, Programmed
 * reason Programmed, its listener valid) and is the one counted in attachedListenerSets, "the
 * total number of ListenerSets that have been successfully attached"; the app one is NotAllowed.
 * Upstream puts the refused one in a namespace of its own; our app namespace serves the same end.
 * Every condition asked for names its object's current generation (§12 104).
 */
export const listenerSetAllowedNamespaceSame = defineConformanceTest({
  name: 'ListenerSetAllowedNamespaceSame',
  description: "ListenerSets in the Gateway's own namespace are allowed when allowedListeners namespaces are from Same; others are not",
  features: [Feature.Gateway, Feature.ListenerSet],
  manifests: ['listener-set-allowed-namespace-same.yaml'],
  specRefs: [104],
  run: (t) =>
    listenerSetScenarioMustHold(t, {
      gateway: 'gateway-allows-listenerset-in-same-namespace',
      attachedListenerSets: 1,
      listenerSets: [
        {
          name: 'listenerset-in-same-namespace',
          conditions: ATTACHED,
          listeners: [{ name: 'listenerset-in-same-namespace-listener', conditions: VALID_LISTENER }],
        },
        { name: 'listenerset-in-different-namespace', namespace: 'app', conditions: NOT_ALLOWED },
      ],
    }),
});
