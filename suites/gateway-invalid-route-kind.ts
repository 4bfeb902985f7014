import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { describeListeners, listenersMatch, type ExpectedListener } from './gateway-status.ts';

const invalidKinds = { type: 'ResolvedRefs', status: 'False', reason: 'InvalidRouteKinds' };

const CASES: readonly { name: string; gateway: string; listeners: readonly ExpectedListener[] }[] = [
  {
    name: 'Gateway listener should have a false ResolvedRefs condition with reason InvalidRouteKinds and no supportedKinds',
    gateway: 'gateway-only-invalid-route-kind',
    listeners: [{ name: 'http', supportedKinds: [], conditions: [invalidKinds], attachedRoutes: 0 }],
  },
  {
    name: 'Gateway listener should have a false ResolvedRefs condition with reason InvalidRouteKinds and HTTPRoute must be put in the supportedKinds',
    gateway: 'gateway-supported-and-invalid-route-kind',
    listeners: [{ name: 'http', supportedKinds: ['HTTPRoute'], conditions: [invalidKinds], attachedRoutes: 0 }],
  },
];

export const gatewayInvalidRouteKind = defineConformanceTest({
  name: 'GatewayInvalidRouteKind',
  description: 'A Gateway in the infra namespace should fail to become ready when an invalid Route kind is specified',
  features: [Feature.Gateway],
  manifests: ['gateway-invalid-route-kind.yaml'],
  specRefs: [128, 129, 130, 131, 132],
  async run(t) {
    await t.cases(CASES, (c) =>
      t.kube.objectMustSatisfy({ kind: 'Gateway', name: c.gateway }, describeListeners(c.listeners), (g) => listenersMatch(g, c.listeners)).then(() => undefined),
    );
  },
});
