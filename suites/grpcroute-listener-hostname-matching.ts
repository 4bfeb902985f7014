import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'grpcroute-listener-hostname-matching' };

/** [authority, backend or error code]; every case calls Echo, which every backend implements. */
const TABLE: readonly [string, string | number][] = [
  ['bar.com', 'grpc-infra-backend-v1'],
  ['foo.bar.com', 'grpc-infra-backend-v2'],
  ['baz.bar.com', 'grpc-infra-backend-v3'],
  ['boo.bar.com', 'grpc-infra-backend-v3'],
  ['multiple.prefixes.bar.com', 'grpc-infra-backend-v3'],
  ['multiple.prefixes.foo.com', 'grpc-infra-backend-v3'],
  ['foo.com', Code.UNIMPLEMENTED],
  ['no.matching.host', Code.UNIMPLEMENTED],
];

const CASES: readonly GrpcCase[] = TABLE.map(([authority, outcome]) => ({
  name: typeof outcome === 'number' ? `${authority} matches no listener` : `${authority} goes to ${outcome}`,
  call: { method: 'Echo', authority },
  expect: typeof outcome === 'number' ? { code: outcome, answeredBy: 'gateway' } : { backend: outcome },
}));

export const grpcRouteListenerHostnameMatching = defineConformanceTest({
  name: 'GRPCRouteListenerHostnameMatching',
  description: 'Multiple GRPC listeners with the same port and different hostnames, each with a different GRPCRoute',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-listener-hostname-matching.yaml'],
  specRefs: [3, 12, 15, 46, 93, 114, 118, 121],
  async run(t) {
    await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { ...GATEWAY, listeners: ['listener-1'] },
      routes: [{ name: 'hostname-matching-backend-v1' }],
    });
    await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { ...GATEWAY, listeners: ['listener-2'] },
      routes: [{ name: 'hostname-matching-backend-v2' }],
    });
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { ...GATEWAY, listeners: ['listener-3', 'listener-4'] },
      routes: [{ name: 'hostname-matching-backend-v3' }],
    });
    await t.step('each listener counts exactly the route pinned to it', () =>
      Promise.all(['listener-1', 'listener-2', 'listener-3', 'listener-4'].map((l) => t.kube.listenerMustHaveAttachedRoutes(GATEWAY, l, 1))),
    );
    await t.step('a route pinned by sectionName has no parent entry for another listener', () =>
      t.kube.routeMustHaveNoParent({ name: 'hostname-matching-backend-v1' }, { ...GATEWAY, sectionName: 'listener-2' }),
    );
    await t.grpc.expectCases(gw, CASES);
  },
});
