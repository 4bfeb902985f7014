import { Feature } from '../harness/features/features.ts';
import type { GrpcCase, MetadataInit } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'method-header.grpc.example';

/**
 * [case, method, metadata sent, backend or error code]. The route's rules, in order: GrpcEcho/ECHO → v3;
 * Echo + `X-Tier: gold` → v2; Echo + `Version: one` + `version: two` → v3; Echo → v1.
 */
const TABLE: readonly [string, string, MetadataInit, string | number][] = [
  ['Echo without headers takes the header-less rule, not the ECHO rule listed before it', 'Echo', {}, 'grpc-infra-backend-v1'],
  ['Echo with x-tier: gold matches method AND header', 'Echo', { 'x-tier': 'gold' }, 'grpc-infra-backend-v2'],
  ['the route names X-Tier, the request sends X-TIER: names are case-insensitive', 'Echo', { 'X-TIER': 'gold' }, 'grpc-infra-backend-v2'],
  ['x-tier: silver fails the header part', 'Echo', { 'x-tier': 'silver' }, 'grpc-infra-backend-v1'],
  ['EchoTwo with x-tier: gold fails the method part', 'EchoTwo', { 'x-tier': 'gold' }, Code.UNIMPLEMENTED],
  ['version: one satisfies the first of two equivalent header names', 'Echo', { version: 'one' }, 'grpc-infra-backend-v3'],
  ['version: two is the later, ignored equivalent name', 'Echo', { version: 'two' }, 'grpc-infra-backend-v1'],
  ['method names are case-sensitive: echo matches nothing', 'echo', {}, Code.UNIMPLEMENTED],
];

const lowerCased = (metadata: MetadataInit): Record<string, string> =>
  Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), String(value)]));

const CASES: readonly GrpcCase[] = TABLE.map(([name, method, metadata, outcome]) => ({
  name,
  call: { method, authority: HOST, metadata },
  expect:
    typeof outcome === 'number'
      ? { code: outcome, answeredBy: 'gateway' }
      : { backend: outcome, authority: HOST, requestHeaders: lowerCased(metadata) },
}));

export const grpcRouteMethodAndHeaderMatching = defineConformanceTest({
  name: 'GRPCRouteMethodAndHeaderMatching',
  description: 'A method and a header in one match are ANDed; header names are case-insensitive and only the first of equivalent names counts; method names are case-sensitive',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-method-and-header-matching.yaml'],
  specRefs: [29, 32, 33, 34, 93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'method-and-header-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
