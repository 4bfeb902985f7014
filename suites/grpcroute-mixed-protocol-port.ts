import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const ROUTE = { name: 'mixed-protocol-port' };
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'mixed-protocol-port.grpc.example';

const CASES: readonly GrpcCase[] = [
  {
    name: 'the unsupported backend is invalid: UNAVAILABLE from the gateway',
    call: { method: 'Echo', authority: HOST },
    expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
  },
];

export const grpcRouteMixedProtocolPort = defineConformanceTest({
  name: 'GRPCRouteMixedProtocolPort',
  description: 'A backend Service port number carrying both TCP and UDP cannot be served: ResolvedRefs=False UnsupportedProtocol, the route stays Accepted and RPCs fail UNAVAILABLE',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-mixed-protocol-port.yaml'],
  specRefs: [85, 93, 103],
  async run(t) {
    await t.step('Accepted=True, ResolvedRefs=False UnsupportedProtocol', () =>
      t.kube.routeMustHaveConditions(ROUTE, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'False', reason: 'UnsupportedProtocol' },
      ]),
    );
    const gw = await t.kube.gatewayAddress({ name: PARENT.name }, PARENT.sectionName);
    await t.grpc.expectCases(gw, CASES);
  },
});
