import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { describeListeners, hasCondition, hasLatestConditions, listenersMatch, type ExpectedListener } from './gateway-status.ts';

const unsupported: ExpectedListener = {
  name: 'invalid',
  supportedKinds: [],
  conditions: [{ type: 'Accepted', status: 'False', reason: 'UnsupportedProtocol' }],
  attachedRoutes: 0,
};

// The Gateway-level reason is upstream's case (ListenersNotValid, gateway_types.go); the listener
// conditions and attachedRoutes are §12 125 and 132.
const CASES = [
  {
    name: 'Gateway with no accepted listeners should not be accepted and the listener should have the Accepted condition set to False with reason UnsupportedProtocol',
    gateway: 'gateway-only-unsupported-protocols',
    accepted: { type: 'Accepted', status: 'False', reason: 'ListenersNotValid' },
    listeners: [unsupported],
  },
  {
    name: 'Gateway with at least one accepted listeners should be accepted and the listeners should have the Accepted condition set accordingly',
    gateway: 'gateway-supported-and-unsupported-protocols',
    accepted: { type: 'Accepted', status: 'True', reason: 'ListenersNotValid' },
    listeners: [{ name: 'http', supportedKinds: ['HTTPRoute'], conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted' }], attachedRoutes: 0 }, unsupported],
  },
] as const;

export const gatewayListenerUnsupportedProtocol = defineConformanceTest({
  name: 'GatewayListenerUnsupportedProtocol',
  description:
    'A listener whose protocol is not supported is Accepted=False UnsupportedProtocol; the Gateway is Accepted only if at least one of its listeners is',
  features: [Feature.Gateway],
  manifests: ['gateway-listener-unsupported-protocol.yaml'],
  specRefs: [104, 125, 132],
  async run(t) {
    await t.cases(CASES, async (c) => {
      await t.kube.objectMustSatisfy(
        { kind: 'Gateway', name: c.gateway },
        `conditions at the current generation, ${c.accepted.type}=${c.accepted.status} ${c.accepted.reason}; ${describeListeners(c.listeners)}`,
        (g) => hasLatestConditions(g) && hasCondition(g, c.accepted) && listenersMatch(g, c.listeners),
      );
    });
  },
});
