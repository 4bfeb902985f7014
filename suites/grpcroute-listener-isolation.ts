import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'grpcroute-listener-isolation' };
const WILDCARD_ROUTE = 'grpc-infra-backend-v1';
const EXACT_ROUTE = 'grpc-infra-backend-v2';

/**
 * [authority, method, backend or error code]. Listener `wildcard` (*.isolation.example) has a route matching
 * every request → v1; listener `exact` (foo.isolation.example) has a route for EchoTwo only → v2.
 */
const TABLE: readonly [string, string, string | number][] = [
  ['foo.isolation.example', 'EchoTwo', EXACT_ROUTE],
  // The wildcard listener's route would match, but foo.isolation.example belongs to the exact listener alone.
  ['foo.isolation.example', 'Echo', Code.UNIMPLEMENTED],
  ['foo.isolation.example', 'EchoThree', Code.UNIMPLEMENTED],
  ['bar.isolation.example', 'Echo', WILDCARD_ROUTE],
  ['bar.isolation.example', 'EchoTwo', WILDCARD_ROUTE],
  ['a.foo.isolation.example', 'Echo', WILDCARD_ROUTE],
];

const CASES: readonly GrpcCase[] = TABLE.map(([authority, method, outcome]) => ({
  name: typeof outcome === 'number' ? `${authority} ${method}: no route of its listener matches` : `${authority} ${method} goes to ${outcome}`,
  call: { method, authority },
  expect: typeof outcome === 'number' ? { code: outcome, answeredBy: 'gateway' } : { backend: outcome, authority },
}));

export const grpcRouteListenerIsolation = defineConformanceTest({
  name: 'GRPCRouteListenerIsolation',
  description: 'A request is served only by routes of its most specific listener, even when none of them matches and a wildcard listener route would',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GatewayHTTPListenerIsolation],
  manifests: ['grpcroute-listener-isolation.yaml'],
  specRefs: [46, 114, 115, 118],
  async run(t) {
    await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { ...GATEWAY, listeners: ['wildcard'] }, routes: [{ name: 'isolation-wildcard' }] });
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { ...GATEWAY, listeners: ['exact'] }, routes: [{ name: 'isolation-exact' }] });
    await t.grpc.expectCases(gw, CASES);
  },
});
