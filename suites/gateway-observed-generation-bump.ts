import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { hasLatestConditions } from './gateway-status.ts';

const GATEWAY = { kind: 'Gateway', name: 'gateway-observed-generation-bump' };

export const gatewayObservedGenerationBump = defineConformanceTest({
  name: 'GatewayObservedGenerationBump',
  description:
    'A Gateway in the infra namespace updates the observedGeneration in all of its status conditions after an update to the spec',
  features: [Feature.Gateway],
  manifests: ['gateway-observed-generation-bump.yaml'],
  specRefs: [104],
  async run(t) {
    await t.cases([{ name: 'observedGeneration should increment' }], async () => {
      const original = await t.kube.objectMustSatisfy(GATEWAY, 'all conditions at the current generation', hasLatestConditions);
      const listeners = (original.spec as { listeners: unknown[] }).listeners;
      // Upstream's mutation: one more listener, which a merge patch can only add by replacing the list.
      await t.kube.patch(GATEWAY, {
        spec: { listeners: [...listeners, { name: 'alternate', hostname: 'foo.com', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] },
      });
      const bumped = (g: { metadata: { generation?: number } }) => (g.metadata.generation ?? 0) > (original.metadata.generation ?? 0);
      await t.kube.objectMustSatisfy(GATEWAY, 'a new generation with all conditions at it', (g) => bumped(g) && hasLatestConditions(g));
    });
  },
});
