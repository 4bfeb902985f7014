import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'method-only.grpc.example';
const BACKEND = 'grpc-infra-backend-v2';
const OTHER_SERVICE = 'grpcroute_conformance.unrouted.v1.Elsewhere';

const CASES: readonly GrpcCase[] = [
  { name: 'GrpcEcho/EchoTwo goes to the route', call: { method: 'EchoTwo', authority: HOST }, expect: { backend: BACKEND, authority: HOST } },
  {
    // The backend has no such service, so its own UNIMPLEMENTED (with its identity) proves the gateway forwarded it.
    name: 'EchoTwo of any other service is forwarded too',
    call: { service: OTHER_SERVICE, method: 'EchoTwo', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, backend: BACKEND, answeredBy: 'backend' },
  },
  { name: 'GrpcEcho/Echo: UNIMPLEMENTED from the gateway', call: { method: 'Echo', authority: HOST }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
  {
    name: 'EchoPlus/Unary: UNIMPLEMENTED from the gateway',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  {
    name: 'the method is matched exactly, not as a prefix',
    call: { method: 'EchoTwoX', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  {
    name: 'the method is matched case-sensitively',
    call: { method: 'echoTwo', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
];

export const grpcRouteMethodOnlyMatching = defineConformanceTest({
  name: 'GRPCRouteMethodOnlyMatching',
  description: 'An Exact method match without a service routes that method of every service, and nothing else',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteMethodOnlyMatch],
  manifests: ['grpcroute-method-only-matching.yaml'],
  specRefs: [93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'method-only-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
