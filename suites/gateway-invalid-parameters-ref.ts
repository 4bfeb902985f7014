import { Feature } from '../harness/features/features.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { hasCondition, hasLatestConditions } from './gateway-status.ts';

const invalidParameters = { type: 'Accepted', status: 'False', reason: 'InvalidParameters' };

/**
 * GatewayInfrastructure.parametersRef: a referent that cannot be found or is of an unsupported kind
 * "SHOULD be rejected with ... Accepted ... False and an InvalidParameters reason". Upstream's core
 * test requires it, so under upstream's name we do too (docs/strictness.md); the conditions at the
 * current generation are §12 104.
 */
export const gatewayInvalidParametersRef = defineConformanceTest({
  name: 'GatewayInvalidParametersRef',
  description: 'A Gateway referencing an invalid or non-existent parametersRef should set the Accepted condition to False with reason InvalidParameters',
  features: [Feature.Gateway],
  // Upstream v1.7.0 gates the same test on GatewayInfrastructure too.
  featuresFrom: [{ since: 'v1.7.0', features: [Feature.Gateway, Feature.GatewayInfrastructure] }],
  manifests: ['gateway-invalid-parameters-ref.yaml'],
  specRefs: [104],
  async run(t) {
    await t.kube.objectMustSatisfy(
      { kind: 'Gateway', name: 'gateway-invalid-parameters-ref' },
      'conditions at the current generation, Accepted=False InvalidParameters',
      (g) => hasLatestConditions(g) && hasCondition(g, invalidParameters),
    );
  },
});
