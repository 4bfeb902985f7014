import { Feature } from '../harness/features/features.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'approto.grpc.example';
const WS_HOST = 'approto-ws.grpc.example';
const V2 = 'grpc-infra-backend-v2';

const CASES: readonly GrpcCase[] = [
  {
    name: 'appProtocol kubernetes.io/h2c: routed over h2c',
    call: { method: 'Echo', authority: HOST },
    expect: { backend: V2, authority: HOST },
  },
  {
    name: 'no appProtocol: the protocol is inferred and the RPC is routed',
    call: { method: 'EchoTwo', authority: HOST },
    expect: { backend: V2, authority: HOST },
  },
  {
    name: 'appProtocol kubernetes.io/ws: the backend is invalid, the gateway answers UNAVAILABLE',
    call: { method: 'Echo', authority: WS_HOST },
    expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
  },
];

export const grpcRouteBackendAppProtocol = defineConformanceTest({
  name: 'GRPCRouteBackendAppProtocol',
  description: 'Service appProtocol kubernetes.io/h2c and a missing appProtocol carry gRPC; kubernetes.io/ws makes the backend ResolvedRefs=False UnsupportedProtocol',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-backend-app-protocol.yaml'],
  specRefs: [69, 81, 82, 83, 84],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: GATEWAY.name, listeners: [GATEWAY.sectionName] },
      routes: [{ name: 'approto-usable' }],
    });
    await t.step('approto-websocket: Accepted=True, ResolvedRefs=False UnsupportedProtocol', () =>
      t.kube.routeMustHaveConditions({ name: 'approto-websocket' }, GATEWAY, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'False', reason: 'UnsupportedProtocol' },
      ]),
    );
    await t.grpc.expectCases(gw, CASES);
  },
});
