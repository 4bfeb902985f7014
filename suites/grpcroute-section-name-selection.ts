import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'grpcroute-section-name' };

export const grpcRouteSectionNameSelection = defineConformanceTest({
  name: 'GRPCRouteSectionNameSelection',
  description: 'parentRefs[].sectionName attaches a route to that listener only; a sectionName naming no listener is NoMatchingParent',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-section-name-selection.yaml'],
  specRefs: [15, 16, 93, 114, 133],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { ...GATEWAY, listeners: ['one'] }, routes: [{ name: 'section-one' }] });
    await t.step('sectionName three names no listener: NoMatchingParent', () =>
      t.kube.routeMustHaveConditions({ name: 'section-missing' }, { ...GATEWAY, sectionName: 'three' }, [
        { type: 'Accepted', status: 'False', reason: 'NoMatchingParent' },
      ]),
    );
    await t.step('only listener one counts the route', () =>
      Promise.all([t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'one', 1), t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'two', 0)]),
    );
    await t.grpc.expectCases(gw, [
      {
        name: 'one.section.example reaches the route of listener one',
        call: { method: 'Echo', authority: 'one.section.example' },
        expect: { backend: 'grpc-infra-backend-v1', authority: 'one.section.example' },
      },
      {
        name: 'two.section.example: listener two has no route',
        call: { method: 'Echo', authority: 'two.section.example' },
        expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' },
      },
    ]);
  },
});
