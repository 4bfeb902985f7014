import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'my.filter.com';
const BACKEND = 'grpc-infra-backend-v1';

const CASES: readonly GrpcCase[] = [
  {
    name: 'my-header: foo is added to a request without it',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: BACKEND, authority: HOST, requestHeaders: { 'my-header': 'foo' } },
  },
  {
    name: 'my-header: foo is appended after the value the client sent',
    call: { method: 'EchoTwo', authority: HOST, metadata: { 'my-header': 'bar' } },
    expect: { backend: BACKEND, authority: HOST, requestHeaders: { 'my-header': ['bar', 'foo'] } },
  },
  {
    name: 'the rule has no matches, so every service gets the header',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { backend: BACKEND, authority: HOST, requestHeaders: { 'my-header': 'foo' } },
  },
];

export const grpcRouteSeedRequestHeaderFilter = defineConformanceTest({
  name: 'GRPCRouteSeedRequestHeaderFilter',
  description: 'Guide scenario: a RequestHeaderModifier adds my-header: foo to gRPC requests for my.filter.com',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteRequestHeaderModifier],
  manifests: ['grpcroute-seed-request-header-filter.yaml'],
  specRefs: [3, 28, 54, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'grpc-filter-1' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
