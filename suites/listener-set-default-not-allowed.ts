import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { listenerSetScenarioMustHold } from './listener-set-checks.ts';
import { NOT_ALLOWED } from './listener-set-status.ts';

/**
 * Gateway spec.allowedListeners: "The default value is to allow no ListenerSets" (gateway_types.go),
 * and a refused ListenerSet is Accepted=False with "NotAllowed", the reason "used ... when the
 * ListenerSet is not allowed to be attached to the Gateway" (listenerset_types.go). Our Gateway
 * leaves the field out; nothing attaches, so attachedListenerSets is 0, and the ListenerSet's
 * conditions name its current generation (§12 104).
 */
export const listenerSetDefaultNotAllowed = defineConformanceTest({
  name: 'ListenerSetDefaultNotAllowed',
  description: 'ListenerSets are not allowed on a Gateway by default, that is when allowedListeners is not set',
  features: [Feature.Gateway, Feature.ListenerSet],
  manifests: ['listener-set-default-not-allowed.yaml'],
  specRefs: [104],
  run: (t) =>
    listenerSetScenarioMustHold(t, {
      gateway: 'gateway-default-does-not-allow-listenerset',
      attachedListenerSets: 0,
      listenerSets: [{ name: 'listenerset-default-not-allowed', conditions: NOT_ALLOWED }],
    }),
});
