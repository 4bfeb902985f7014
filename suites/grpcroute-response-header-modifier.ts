import { Feature } from '../harness/features/features.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const HOST = 'response-header-modifier.grpc.example';
const V1 = 'grpc-infra-backend-v1';
const FILTERED = ['x-rsp-set', 'x-rsp-add'];

// EchoPlus makes the backend really send these headers and trailers; the client reads what arrived.
const CASES: readonly GrpcCase[] = [
  {
    name: 'backend sends all three: set replaces, add appends after, remove deletes; others and trailers untouched',
    call: {
      service: ECHO_PLUS_SERVICE,
      method: 'Unary',
      authority: HOST,
      plus: {
        responseHeaders: { 'x-rsp-set': 'from-backend', 'x-rsp-add': 'from-backend', 'x-rsp-remove': 'from-backend', 'x-rsp-keep': 'kept' },
        responseTrailers: { 'x-rsp-trailer': 'untouched' },
      },
    },
    expect: {
      backend: V1,
      responseHeaders: { 'x-rsp-set': 'set-by-gateway', 'x-rsp-add': ['from-backend', 'added-by-gateway'], 'x-rsp-keep': 'kept' },
      absentResponseHeaders: ['x-rsp-remove'],
      trailers: { 'x-rsp-trailer': 'untouched' },
      absentRequestHeaders: FILTERED,
    },
  },
  {
    name: 'backend sends none: set and add create the headers',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { backend: V1, responseHeaders: { 'x-rsp-set': 'set-by-gateway', 'x-rsp-add': 'added-by-gateway' }, absentRequestHeaders: FILTERED },
  },
  {
    name: 'a rule without the filter: responses come back unmodified',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: V1, absentResponseHeaders: FILTERED },
  },
];

export const grpcRouteResponseHeaderModifier = defineConformanceTest({
  name: 'GRPCRouteResponseHeaderModifier',
  description: 'A ResponseHeaderModifier filter sets, appends and removes response headers the backend really sent, only on its own rule, leaving trailers alone',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteResponseHeaderModifier],
  manifests: ['grpcroute-response-header-modifier.yaml'],
  specRefs: [54, 55, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'response-header-modifier' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
