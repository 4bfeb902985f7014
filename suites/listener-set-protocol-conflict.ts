import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { precedenceScenario } from './listener-set-precedence.ts';

/**
 * The precedence of ListenerSetSpec.listeners (listenerset_types.go: the "parent" Gateway first,
 * then ListenerSets "ordered by creation time (oldest first)", then by "{namespace}/{name}"), with
 * the clash on protocol: TCP on a port an earlier listener serves as HTTP. "ProtocolConflict" is
 * the Conflicted reason "when multiple Listeners are specified with the same Listener port number,
 * but have conflicting protocol specifications"; GEP-1713 wants the earlier listener accepted and
 * the later one Conflicted=True. The TCP listeners must report the conflict, not an unsupported
 * protocol (§12 126: indistinct listeners are Conflicted and not served).
 */
export const listenerSetProtocolConflict = defineConformanceTest({
  name: 'ListenerSetProtocolConflict',
  description: 'Listener precedence decides which listener stays valid when a ListenerSet listener has another protocol on the port of an earlier listener',
  features: [Feature.Gateway, Feature.ListenerSet],
  manifests: ['listener-set-protocol-conflict.yaml'],
  specRefs: [126],
  run: (t) => listenerSetScenarioMustHold(t, precedenceScenario('protocol')),
});
