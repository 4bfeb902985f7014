import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'service-match.grpc.example';
const BACKEND = 'grpc-infra-backend-v1';

/** Services that share a prefix with the routed one must reach no backend: the gateway itself says UNIMPLEMENTED. */
const UNROUTED_SERVICES = [`${ECHO_SERVICE}X`, ECHO_SERVICE.slice(0, -1), ECHO_SERVICE.toLowerCase(), `${ECHO_SERVICE}.Inner`];

const CASES: readonly GrpcCase[] = [
  { name: 'Echo goes to the service route', call: { method: 'Echo', authority: HOST }, expect: { backend: BACKEND, authority: HOST } },
  { name: 'EchoTwo goes to the service route', call: { method: 'EchoTwo', authority: HOST }, expect: { backend: BACKEND, authority: HOST } },
  {
    // EchoThree is routed too; the UNIMPLEMENTED is the backend's own, which carries its identity.
    name: 'EchoThree is forwarded and the backend answers UNIMPLEMENTED',
    call: { method: 'EchoThree', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, backend: BACKEND, answeredBy: 'backend' },
  },
  {
    name: 'EchoPlus/Unary matches no rule: UNIMPLEMENTED from the gateway',
    call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST },
    expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
  },
  ...UNROUTED_SERVICES.map(
    (service): GrpcCase => ({
      name: `${service}/Echo is another service: UNIMPLEMENTED from the gateway`,
      call: { service, method: 'Echo', authority: HOST },
      expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
    }),
  ),
];

export const grpcRouteServiceMatching = defineConformanceTest({
  name: 'GRPCRouteServiceMatching',
  description: 'An Exact method match with only a service routes every method of that service and no other service, whatever prefix it shares',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-service-matching.yaml'],
  specRefs: [93, 114],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: 'same-namespace', listeners: ['http'] },
      routes: [{ name: 'service-matching' }],
    });
    await t.grpc.expectCases(gw, CASES);
  },
});
