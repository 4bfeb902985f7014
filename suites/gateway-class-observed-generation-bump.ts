import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { hasCondition, hasLatestConditions } from './gateway-status.ts';

export const gatewayClassObservedGenerationBump = defineConformanceTest({
  name: 'GatewayClassObservedGenerationBump',
  description: 'A GatewayClass updates the observedGeneration in all of its status conditions after an update to the spec',
  features: [Feature.Gateway],
  // The class must name the implementation's controllerName, which only the run knows; it is made in the body.
  manifests: [],
  specRefs: [104],
  async run(t) {
    // Cluster-scoped: the run id keeps two runs on one cluster apart.
    const name = `gatewayclass-observed-generation-bump-${t.config.runId}`.toLowerCase().slice(0, 63).replace(/-+$/, '');
    const ref = { kind: 'GatewayClass', name };
    await t.kube.apply([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: { name },
        spec: { controllerName: t.kube.controllerName, description: 'old' },
      },
    ]);
    await t.cases([{ name: 'observedGeneration should increment' }], async () => {
      const accepted = (c: Parameters<typeof hasLatestConditions>[0]) => hasCondition(c, { type: 'Accepted', status: 'True' }) || hasCondition(c, { type: 'Accepted', status: 'False' });
      const original = await t.kube.objectMustSatisfy(ref, 'an Accepted condition at the current generation', (c) => accepted(c) && hasLatestConditions(c));
      await t.kube.patch(ref, { spec: { description: 'new' } });
      await t.kube.objectMustSatisfy(
        ref,
        'a new generation with all conditions at it',
        (c) => (c.metadata.generation ?? 0) > (original.metadata.generation ?? 0) && accepted(c) && hasLatestConditions(c),
      );
    });
  },
});
