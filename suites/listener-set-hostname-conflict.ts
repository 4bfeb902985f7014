import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { precedenceScenario } from './listener-set-precedence.ts';

/**
 * ListenerSetSpec.listeners: "Implementations MUST treat the parent Gateway as having the merged
 * list of all listeners from itself and attached ListenerSets using the following precedence: 1.
 * "parent" Gateway 2. ListenerSet ordered by creation time (oldest first) 3. ... alphabetically by
 * "{namespace}/{name}"", and "If a listener has a conflict, this will be reported in the
 * Status.ListenerEntryStatus setting the `Conflicted` condition to True" (listenerset_types.go).
 * GEP-1713: "the first Listener in the precedence list MUST be accepted ..., while conflicting
 * listeners MUST have a `Conflicted` condition set to `True`". Here the clash is the same port,
 * protocol and hostname (§12 126: indistinct listeners are Conflicted and not served).
 */
export const listenerSetHostnameConflict = defineConformanceTest({
  name: 'ListenerSetHostnameConflict',
  description: 'Listener precedence decides which listener stays valid when a ListenerSet listener has the hostname of an earlier listener',
  features: [Feature.Gateway, Feature.ListenerSet],
  manifests: ['listener-set-hostname-conflict.yaml'],
  specRefs: [126],
  run: (t) => listenerSetScenarioMustHold(t, precedenceScenario('hostname')),
});
