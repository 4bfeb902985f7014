import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'grpcroute-parent-ref-port' };
const HOST = 'port.parentref.example';
const NO_MATCHING_PARENT = [{ type: 'Accepted', status: 'False', reason: 'NoMatchingParent' }] as const;

export const grpcRouteParentRefPort = defineConformanceTest({
  name: 'GRPCRouteParentRefPort',
  description:
    'parentRefs[].port attaches a route to the listeners on that port only; a port with no listener, or a sectionName and port that name different listeners, is NoMatchingParent',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteParentRefPort, Feature.GatewayPort8080],
  manifests: ['grpcroute-parent-ref-port.yaml'],
  specRefs: [15, 16, 17, 93, 114, 133],
  async run(t) {
    const on80 = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: GATEWAY,
      routes: [{ name: 'port-80' }, { name: 'port-8080' }, { name: 'port-section-agree' }],
    });
    const on8080 = await t.kube.gatewayAddress(GATEWAY, 'http-8080');
    await t.step('port 9090 has no listener: NoMatchingParent', () =>
      t.kube.routeMustHaveConditions({ name: 'port-unknown' }, { ...GATEWAY, port: 9090 }, NO_MATCHING_PARENT),
    );
    await t.step('sectionName http is on port 80, not 8080: NoMatchingParent', () =>
      t.kube.routeMustHaveConditions({ name: 'port-section-disagree' }, { ...GATEWAY, sectionName: 'http', port: 8080 }, NO_MATCHING_PARENT),
    );
    await t.step('each listener counts the routes selecting it', () =>
      Promise.all([t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'http', 1), t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'http-8080', 2)]),
    );
    // Routes by port: 80 → Echo to v1; 8080 → EchoTwo to v2; 8080 via sectionName and port → EchoThree to v3.
    await t.grpc.expectCases(on80, [
      { name: 'port 80: Echo reaches the port-80 route', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1', authority: HOST } },
      { name: 'port 80: EchoTwo has no route', call: { method: 'EchoTwo', authority: HOST }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
      { name: 'port 80: EchoThree has no route', call: { method: 'EchoThree', authority: HOST }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
    ]);
    await t.grpc.expectCases(on8080, [
      { name: 'port 8080: EchoTwo reaches the port-8080 route', call: { method: 'EchoTwo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v2', authority: HOST } },
      {
        name: 'port 8080: EchoThree reaches the sectionName+port route (the backend answers UNIMPLEMENTED)',
        call: { method: 'EchoThree', authority: HOST },
        expect: { code: Code.UNIMPLEMENTED, backend: 'grpc-infra-backend-v3', answeredBy: 'backend' },
      },
      { name: 'port 8080: Echo has no route', call: { method: 'Echo', authority: HOST }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
    ]);
  },
});
