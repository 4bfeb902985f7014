import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const PARENT = { name: 'cross-serving-exclusive', sectionName: 'http' };

export const grpcRouteCrossServingExclusive = defineConformanceTest({
  name: 'GRPCRouteCrossServingExclusive',
  description: 'An HTTPRoute and a younger GRPCRoute with intersecting hostnames on one listener: the older HTTPRoute is accepted, the GRPCRoute gets Accepted=False; a GRPCRoute with its own hostname is unaffected',
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteCrossServingExclusive],
  manifests: ['grpcroute-cross-serving-exclusive.yaml'],
  specRefs: [20, 21, 22, 23],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({
      gateway: { name: PARENT.name, listeners: [PARENT.sectionName] },
      routes: [{ name: 'cross-serving-c-separate' }],
    });
    // No reason is defined for the loser (digest §7), so only the status is asserted.
    await t.cases(
      [
        { name: 'the older HTTPRoute keeps the hostname: Accepted=True', route: { name: 'cross-serving-a-http', kind: 'HTTPRoute' as const }, status: 'True' as const },
        { name: 'the younger GRPCRoute is rejected: Accepted=False', route: { name: 'cross-serving-b-grpc' }, status: 'False' as const },
      ],
      ({ route, status }) => t.kube.routeMustHaveConditions(route, PARENT, [{ type: 'Accepted', status }]),
    );
    await t.grpc.expectCases(gw, [
      {
        name: 'the GRPCRoute with its own hostname still routes',
        call: { method: 'Echo', authority: 'separate.cross-serving.example' },
        expect: { backend: 'grpc-infra-backend-v2', authority: 'separate.cross-serving.example' },
      },
    ]);
  },
});
