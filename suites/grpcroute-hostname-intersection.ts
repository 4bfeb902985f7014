import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'grpcroute-hostname-intersection' };

/**
 * [authority, backend or error code]. Listener `wildcard` (*.isect.example) has routes foo.isect.example +
 * baz.isect.example + foo.unrelated.example → v1 and *.deep.isect.example → v3; listener `exact`
 * (foo.exact-isect.example) has *.exact-isect.example → v2; listener `unrelated` (foo.unrelated.example)
 * has no route, so the foreign hostname reaches a listener and only #9 keeps it unrouted. Two names of
 * one route intersecting one listener both carry traffic (#13).
 */
const TABLE: readonly [string, string | number][] = [
  ['foo.isect.example', 'grpc-infra-backend-v1'],
  ['baz.isect.example', 'grpc-infra-backend-v1'],
  ['bar.isect.example', Code.UNIMPLEMENTED],
  ['foo.unrelated.example', Code.UNIMPLEMENTED],
  ['foo.exact-isect.example', 'grpc-infra-backend-v2'],
  ['bar.exact-isect.example', Code.UNIMPLEMENTED],
  ['a.deep.isect.example', 'grpc-infra-backend-v3'],
  ['a.b.deep.isect.example', 'grpc-infra-backend-v3'],
  ['deep.isect.example', Code.UNIMPLEMENTED],
  ['isect.example', Code.UNIMPLEMENTED],
];

const CASES: readonly GrpcCase[] = TABLE.map(([authority, outcome]) => ({
  name: typeof outcome === 'number' ? `${authority} matches no route` : `${authority} goes to ${outcome}`,
  call: { method: 'Echo', authority },
  expect: typeof outcome === 'number' ? { code: outcome, answeredBy: 'gateway' } : { backend: outcome, authority },
}));

export const grpcRouteHostnameIntersection = defineConformanceTest({
  name: 'GRPCRouteHostnameIntersection',
  description:
    'Route and listener hostnames intersect (wildcard listener with a precise route and the reverse); non-intersecting route hostnames are ignored; ' +
    'wildcards span several labels but never the bare suffix; a route with no intersection is NoMatchingListenerHostname and not counted',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-hostname-intersection.yaml'],
  specRefs: [8, 9, 10, 11, 12, 13, 93, 114, 118, 133],
  async run(t) {
    await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { ...GATEWAY, listeners: ['wildcard'] },
      routes: [{ name: 'isect-precise' }, { name: 'isect-deep-wildcard' }],
    });
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { ...GATEWAY, listeners: ['exact'] }, routes: [{ name: 'isect-wildcard' }] });
    await t.step('a route whose only hostname intersects no selected listener is not accepted', () =>
      t.kube.routeMustHaveConditions({ name: 'isect-no-intersection' }, { ...GATEWAY, sectionName: 'exact' }, [
        { type: 'Accepted', status: 'False', reason: 'NoMatchingListenerHostname' },
      ]),
    );
    await t.step('attachedRoutes counts accepted routes only', () =>
      Promise.all([t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'wildcard', 2), t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'exact', 1)]),
    );
    await t.grpc.expectCases(gw, CASES);
  },
});
