import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import type { ConditionExpectation } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';
import { listenerHasConditions, listenerSetHasCondition, VALID_LISTENER } from './listener-set-status.ts';

const GATEWAY = 'grpcroute-listener-set-attachment';
const LISTENER_SET = GATEWAY;
const SET_HOST = 'set.ls-route.example';
const GATEWAY_HOST = 'gateway.ls-route.example';

const cases = (app: string): readonly GrpcCase[] => [
  {
    name: `Echo to ${SET_HOST} reaches the route that names the ListenerSet`,
    call: { method: 'Echo', authority: SET_HOST },
    expect: { backend: 'listener-set-app-backend', namespace: app },
  },
  {
    // gateway-route matches every method: had it reached the ListenerSet's listener, it would answer.
    name: `EchoTwo to ${SET_HOST} matches no route of the ListenerSet: UNIMPLEMENTED from the gateway`,
    call: { method: 'EchoTwo', authority: SET_HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  {
    name: `Echo to ${GATEWAY_HOST} reaches the route that names the Gateway`,
    call: { method: 'Echo', authority: GATEWAY_HOST },
    expect: { backend: 'grpc-infra-backend-v1' },
  },
];

/**
 * GEP-1713, Route Attachment: "Routes MUST be able to specify a ListenerSet as a parentRef"; "If a
 * Route has a parentRef that is a ListenerSet, then the ListenerSet is the direct parent", and a
 * route naming a Gateway "MUST NOT attach to any listeners in the child ListenerSets". A listener of
 * a ListenerSet "allows routes from the same namespace as the ListenerSet" under `Same`. Listener
 * names need only be unique within their resource, so the ListenerSet's `http` is not the Gateway's.
 * Upstream tests this with HTTPRoute only; the statements are §12 17 (sectionName picks that
 * listener only), 93 (route parent conditions), 114 (unmatched traffic is UNIMPLEMENTED), 133/134
 * (attachedRoutes counts accepted routes; allowedRoutes namespaces).
 */
export const grpcRouteListenerSetAttachment = defineConformanceTest({
  name: 'GRPCRouteListenerSetAttachment',
  description:
    'A GRPCRoute naming a ListenerSet is served on its listener only; Same means the ListenerSet namespace; a route naming the Gateway never reaches ListenerSet listeners',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.ListenerSet],
  manifests: ['grpcroute-listener-set-attachment.yaml'],
  specRefs: [17, 93, 114, 133, 134],
  async run(t) {
    const { app, infra } = t.namespaces;
    const viaSet = { kind: 'ListenerSet', name: LISTENER_SET, namespace: app, sectionName: 'http' } as const;
    await t.step('the ListenerSet is attached, its listener valid', () =>
      t.kube.objectMustSatisfy({ kind: 'ListenerSet', name: LISTENER_SET, namespace: app }, 'Accepted=True, and listener http ResolvedRefs, Accepted and Programmed True', (ls) =>
        listenerSetHasCondition(ls, { type: 'Accepted', status: 'True' }) && listenerHasConditions(ls, 'http', VALID_LISTENER),
      ),
    );
    const routeCases: readonly { name: string; route: { name: string; namespace: string }; conditions: readonly ConditionExpectation[] }[] = [
      {
        name: 'listener-set-route is accepted on the ListenerSet',
        route: { name: 'listener-set-route', namespace: app },
        conditions: [{ type: 'Accepted', status: 'True' }, { type: 'ResolvedRefs', status: 'True' }],
      },
      {
        name: 'listener-set-route-other-namespace is refused: Same is the ListenerSet namespace',
        route: { name: 'listener-set-route-other-namespace', namespace: infra },
        conditions: [{ type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners' }],
      },
    ];
    await t.cases(routeCases, (c) => t.kube.routeMustHaveConditions(c.route, viaSet, c.conditions));
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: GATEWAY }, routes: [{ name: 'gateway-route' }] });
    await t.step('each listener counts only the route accepted on it', async () => {
      await t.kube.listenerMustHaveAttachedRoutes({ name: GATEWAY }, 'http', 1);
      await t.kube.objectMustSatisfy({ kind: 'ListenerSet', name: LISTENER_SET, namespace: app }, 'listener http attachedRoutes 1', (ls) =>
        ((ls.status as { listeners?: { name: string; attachedRoutes?: number }[] } | undefined)?.listeners ?? []).some((l) => l.name === 'http' && l.attachedRoutes === 1),
      );
    });
    await t.grpc.expectCases(gw, cases(app));
  },
});
