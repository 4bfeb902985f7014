import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const ROUTE = { kind: 'GRPCRoute', name: 'observed-generation' } as const;
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'observed-generation.grpc.example';

/** A spec change did not produce a new generation, so observedGeneration cannot be checked against it. */
class GenerationUnchangedError extends Error {
  readonly code = 'GRPCCONF_GENERATION_UNCHANGED';
  constructor(readonly observed: { before: number | undefined; after: number | undefined }) {
    super(`patching the route spec did not raise metadata.generation: ${JSON.stringify(observed)}`);
    this.name = 'GenerationUnchangedError';
  }
}

export const grpcRouteObservedGeneration = defineConformanceTest({
  name: 'GRPCRouteObservedGeneration',
  description: 'After a spec change every condition of the route parent entry carries the new generation, and traffic follows the new spec',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-observed-generation.yaml'],
  specRefs: [93, 103, 104, 112],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: PARENT.name, listeners: [PARENT.sectionName] }, routes: [ROUTE] });
    await t.grpc.expectCases(gw, [{ name: 'before the patch: routed to grpc-infra-backend-v1', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1' } }]);

    const before = (await t.kube.get(ROUTE))?.metadata.generation;
    const patched = await t.kube.patch(ROUTE, { spec: { rules: [{ backendRefs: [{ name: 'grpc-infra-backend-v2', port: 8080 }] }] } });
    const after = patched.metadata.generation;
    if (before === undefined || after === undefined || after <= before) throw new GenerationUnchangedError({ before, after });

    // routeMustHaveConditions requires every condition of our entries to carry the route's current generation.
    await t.step(`every condition reaches observedGeneration ${after}`, () =>
      t.kube.routeMustHaveConditions(ROUTE, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'True' },
      ]),
    );
    await t.grpc.expectCases(gw, [{ name: 'after the patch: routed to grpc-infra-backend-v2', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v2' } }]);
  },
});
