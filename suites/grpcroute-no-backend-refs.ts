import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'no-backend-refs.grpc.example';

// The GRPCRoute page says UNIMPLEMENTED, GEP-1016 says UNAVAILABLE (digest §11 #2): either is accepted.
const CASES: readonly GrpcCase[] = [
  {
    name: 'EchoTwo matches the rule without backendRefs: the gateway answers UNIMPLEMENTED or UNAVAILABLE',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { codeOneOf: [Code.UNIMPLEMENTED, Code.UNAVAILABLE], answeredBy: 'gateway' },
  },
  {
    name: 'Echo matches the rule with a backend and is routed to grpc-infra-backend-v1',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: 'grpc-infra-backend-v1', authority: HOST },
  },
];

export const grpcRouteNoBackendRefs = defineConformanceTest({
  name: 'GRPCRouteNoBackendRefs',
  description: 'A rule without backendRefs is accepted with ResolvedRefs=True and its RPCs get a gateway-made UNIMPLEMENTED or UNAVAILABLE',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-no-backend-refs.yaml'],
  specRefs: [71, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'no-backend-refs' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
