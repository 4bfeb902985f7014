import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const ACROSS_ROUTES = 'prec-method.grpc.example';
const IN_ONE_ROUTE = 'prec-method-rules.grpc.example';

/**
 * Across routes on one host (oldest and first by name first): no matches → v1, GrpcEcho → v2,
 * GrpcEcho/EchoTwo → v3. In one route, rules in order: GrpcEcho → v1, GrpcEcho/EchoTwo → v2, the same → v3.
 */
const CASES: readonly GrpcCase[] = [
  {
    name: 'service and method beat service only and a rule without matches',
    call: { method: 'EchoTwo', authority: ACROSS_ROUTES },
    expect: { backend: 'grpc-infra-backend-v3', authority: ACROSS_ROUTES },
  },
  {
    name: 'service only beats a rule without matches',
    call: { method: 'Echo', authority: ACROSS_ROUTES },
    expect: { backend: 'grpc-infra-backend-v2', authority: ACROSS_ROUTES },
  },
  {
    name: 'another service falls to the rule without matches',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: ACROSS_ROUTES },
    expect: { backend: 'grpc-infra-backend-v1', authority: ACROSS_ROUTES },
  },
  {
    name: 'in one route, a later service-and-method rule beats an earlier service-only rule; of two equal rules the first wins',
    call: { method: 'EchoTwo', authority: IN_ONE_ROUTE },
    expect: { backend: 'grpc-infra-backend-v2', authority: IN_ONE_ROUTE },
  },
  {
    name: 'in one route, Echo only matches the service-only rule',
    call: { method: 'Echo', authority: IN_ONE_ROUTE },
    expect: { backend: 'grpc-infra-backend-v1', authority: IN_ONE_ROUTE },
  },
];

export const grpcRoutePrecedenceMethod = defineConformanceTest({
  name: 'GRPCRoutePrecedenceMethod',
  description: 'Precedence by service then method characters, across routes and inside one route; remaining ties go to the first rule',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-precedence-method.yaml'],
  specRefs: [28, 40, 41, 45, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'prec-method-a-any' }, { name: 'prec-method-b-service' }, { name: 'prec-method-c-service-and-method' }, { name: 'prec-method-rules' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
