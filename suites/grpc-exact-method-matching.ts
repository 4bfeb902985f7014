import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'exact-method.grpc.example';

const CASES: readonly GrpcCase[] = [
  {
    name: 'Echo goes to grpc-infra-backend-v1',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v1' },
  },
  {
    name: 'EchoTwo goes to grpc-infra-backend-v2',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v2' },
  },
  {
    name: 'EchoThree matches no rule: UNIMPLEMENTED from the gateway',
    call: { method: 'EchoThree', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  {
    // The backend implements EchoPlus/Unary, so UNIMPLEMENTED here can only come from the gateway.
    name: 'EchoPlus/Unary matches no rule: UNIMPLEMENTED from the gateway',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
];

export const grpcExactMethodMatching = defineConformanceTest({
  name: 'GRPCExactMethodMatching',
  description: 'A single GRPCRoute with exact method matching for different backends',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpc-exact-method-matching.yaml'],
  specRefs: [3, 93, 104, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'exact-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
