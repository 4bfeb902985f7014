import { Feature } from '../harness/features/features.ts';
import type { GrpcCase, MetadataInit } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'header-matching.grpc.example';

/** [case name, metadata as upstream writes it (mixed-case keys), backend or error code]. */
const TABLE: readonly [string, MetadataInit, string | number][] = [
  ['simple match version=one', { Version: 'one' }, 'grpc-infra-backend-v1'],
  ['simple match version=two', { Version: 'two' }, 'grpc-infra-backend-v2'],
  ['the rule with more header matches wins', { Version: 'two', Color: 'orange' }, 'grpc-infra-backend-v1'],
  ['equal header counts: the first rule wins', { Version: 'two', Color: 'blue' }, 'grpc-infra-backend-v2'],
  ['half of an AND match is not enough', { Color: 'orange' }, Code.UNIMPLEMENTED],
  ['an unrelated header matches nothing', { 'Some-Other-Header': 'one' }, Code.UNIMPLEMENTED],
  ['OR match color=blue', { Color: 'blue' }, 'grpc-infra-backend-v1'],
  ['OR match color=green', { Color: 'green' }, 'grpc-infra-backend-v1'],
  ['OR match color=red (route names the header COLOR)', { Color: 'red' }, 'grpc-infra-backend-v2'],
  ['OR match color=yellow', { Color: 'yellow' }, 'grpc-infra-backend-v2'],
  ['no rule has color=purple', { Color: 'purple' }, Code.UNIMPLEMENTED],
];

// Echo is implemented by every backend, so UNIMPLEMENTED can only be the gateway's "no route".
const CASES: readonly GrpcCase[] = TABLE.map(([name, metadata, outcome]) => ({
  name,
  call: { method: 'Echo', authority: HOST, metadata },
  expect:
    typeof outcome === 'number'
      ? { code: outcome, answeredBy: 'gateway' }
      : { backend: outcome },
}));

export const grpcRouteHeaderMatching = defineConformanceTest({
  name: 'GRPCRouteHeaderMatching',
  description: 'A single GRPCRoute with header matching for different backends',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-header-matching.yaml'],
  specRefs: [3, 27, 29, 32, 42, 45, 93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'grpc-header-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
