import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'named-rule.grpc.example';

const CASES: readonly GrpcCase[] = [
  {
    name: 'Echo goes through the named rule to grpc-infra-backend-v1',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v1' },
  },
  {
    name: 'EchoTwo goes through the unnamed rule to grpc-infra-backend-v2',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v2' },
  },
  {
    name: 'EchoPlus/Unary matches no rule: UNIMPLEMENTED from the gateway',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
];

export const grpcRouteNamedRule = defineConformanceTest({
  name: 'GRPCRouteNamedRule',
  description: 'A GRPCRoute with a named GRPCRouteRule',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteNamedRouteRule],
  manifests: ['grpcroute-named-rule.yaml'],
  specRefs: [93, 114],
  provisional: true,
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'grpc-named-rules' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
