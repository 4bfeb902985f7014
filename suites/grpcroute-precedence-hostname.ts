import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const WILDCARD = 'grpc-infra-backend-v1';
const EXACT = 'grpc-infra-backend-v2';
const DEEPER_WILDCARD = 'grpc-infra-backend-v3';

/**
 * [authority, backend]. Routes: `*.prec-host.grpc.example` → v1, `exact.prec-host.grpc.example` → v2,
 * `*.deep.prec-host.grpc.example` → v3, all with the same rule; the v1 route is the oldest and first by name.
 */
const TABLE: readonly [string, string][] = [
  ['exact.prec-host.grpc.example', EXACT],
  ['other.prec-host.grpc.example', WILDCARD],
  ['x.deep.prec-host.grpc.example', DEEPER_WILDCARD],
  ['x.y.deep.prec-host.grpc.example', DEEPER_WILDCARD],
  // The deeper wildcard never matches its own suffix, so only the shorter wildcard matches this host.
  ['deep.prec-host.grpc.example', WILDCARD],
];

const CASES: readonly GrpcCase[] = TABLE.map(([authority, backend]) => ({
  name: `${authority} goes to ${backend}`,
  call: { method: 'Echo', authority },
  expect: { backend, authority },
}));

export const grpcRoutePrecedenceHostname = defineConformanceTest({
  name: 'GRPCRoutePrecedenceHostname',
  description: 'Across routes, a matching precise hostname beats a wildcard, and a longer wildcard beats a shorter one',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-precedence-hostname.yaml'],
  specRefs: [12, 38, 39, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'prec-host-a-wildcard' }, { name: 'prec-host-b-exact' }, { name: 'prec-host-c-deeper-wildcard' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
