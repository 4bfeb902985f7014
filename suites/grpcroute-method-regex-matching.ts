import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'method-regex.grpc.example';

const CASES: readonly GrpcCase[] = [
  {
    name: 'service regex GrpcE[a-z]+ and method regex Echo match GrpcEcho/Echo',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v1', authority: HOST },
  },
  {
    // A partial (unanchored) match of "Echo" would take EchoTwo to a backend that implements it.
    name: 'method regex Echo does not fully match EchoTwo',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  {
    name: 'service regex GrpcE[a-z]+ does not fully match GrpcEchoX',
    call: { service: `${ECHO_SERVICE}X`, method: 'Echo', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  {
    name: 'service regex .*\\.EchoPlus with no method matches EchoPlus/Unary',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v2', authority: HOST },
  },
  {
    name: 'service regex .*\\.EchoPlus does not fully match EchoPlusExtra',
    call: { service: `${ECHO_PLUS_SERVICE}Extra`, method: 'Unary', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
];

export const grpcRouteMethodRegexMatching = defineConformanceTest({
  name: 'GRPCRouteMethodRegexMatching',
  description: 'RegularExpression method matches must match the whole service and the whole method name',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteMethodRegexMatch],
  manifests: ['grpcroute-method-regex-matching.yaml'],
  specRefs: [93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'method-regex-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
