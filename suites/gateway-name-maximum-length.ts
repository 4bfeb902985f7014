import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { hasLatestConditions } from './gateway-status.ts';

const PREFIX = 'gateway-with-a-name-of-253-characters-';
/** 253 characters, the most a DNS subdomain (and so an object name) may have. */
const GATEWAY = { kind: 'Gateway', name: PREFIX + 'x'.repeat(253 - PREFIX.length) };

export const gatewayNameMaximumLength = defineConformanceTest({
  name: 'GatewayNameMaximumLength',
  description:
    'A Gateway with a 253-character name is reconciled: all of its status conditions name its current generation (their values are not asserted)',
  features: [Feature.Gateway],
  manifests: ['gateway-name-maximum-length.yaml'],
  specRefs: [104],
  async run(t) {
    await t.cases([{ name: 'status conditions have the latest observedGeneration' }], async () => {
      await t.kube.objectMustSatisfy(GATEWAY, 'all conditions at the current generation', hasLatestConditions);
    });
  },
});
