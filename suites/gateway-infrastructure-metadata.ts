import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { hasCondition, hasLatestConditions } from './gateway-status.ts';

const GATEWAY = { kind: 'Gateway', name: 'gateway-with-infrastructure-metadata' } as const;
const MANIFESTS = ['gateway-infrastructure-metadata.yaml'];
// Upstream's kinds and order: what an in-cluster implementation generates for a Gateway.
const GENERATED_KINDS = ['ServiceAccount', 'Pod', 'Service'] as const;
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

interface Infrastructure {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

const carries = (have: Readonly<Record<string, string>> | undefined, want: Readonly<Record<string, string>>): boolean =>
  Object.entries(want).every(([key, value]) => have?.[key] === value);

async function infrastructureMetadataMustPropagate(t: TestContext): Promise<void> {
  const gateway = await t.kube.objectMustSatisfy(GATEWAY, 'Accepted=True with every condition at the current generation', (g) =>
    hasLatestConditions(g) && hasCondition(g, { type: 'Accepted', status: 'True' }),
  );
  const { labels = {}, annotations = {} } = ((gateway.spec as { infrastructure?: Infrastructure }).infrastructure ?? {});
  const firstOfEachKind = (byKind: Readonly<Record<string, readonly KubeObject[]>>): KubeObject[] =>
    GENERATED_KINDS.flatMap((kind) => byKind[kind]?.slice(0, 1) ?? []);
  await t.kube.labelledObjectsMustSatisfy(
    { kinds: GENERATED_KINDS, labelSelector: `${GATEWAY_NAME_LABEL}=${GATEWAY.name}` },
    `a ServiceAccount, Pod or Service labelled for the Gateway, the first of each kind with labels ${JSON.stringify(labels)} and annotations ${JSON.stringify(annotations)}`,
    (byKind) => {
      const first = firstOfEachKind(byKind);
      return first.length > 0 && first.every((o) => carries(o.metadata.labels, labels) && carries(o.metadata.annotations, annotations));
    },
  );
}

/**
 * GatewayInfrastructure: labels and annotations "that SHOULD be applied to any resources created in
 * response to this Gateway", and "for implementations creating other Kubernetes objects, this
 * should be the `metadata.labels` [`metadata.annotations`] field on resources". Generated resources
 * are found by the label that "all generated resources must include ... set to the name of the
 * Gateway resource" (well_known_labels.go). The text is a SHOULD, so as upstream we ask it of the
 * first such ServiceAccount, Pod and Service listed, not of every generated object; the Gateway's
 * conditions at the current generation are §12 104. Upstream checks once after the first object
 * appears; we wait, within the routeMustHaveParents timeout, for the metadata to be there.
 */
export const gatewayInfrastructureMetadata = defineConformanceTest({
  name: 'GatewayInfrastructureMetadata',
  description: 'Propagation of metadata from Gateway infrastructure to generated components',
  features: [Feature.Gateway, Feature.GatewayInfrastructure],
  manifests: MANIFESTS,
  specRefs: [104],
  run: infrastructureMetadataMustPropagate,
});

/** The same test under its v1.6 name and feature (upstream renamed both in v1.7.0, and it was provisional). */
export const gatewayInfrastructure = defineConformanceTest({
  name: 'GatewayInfrastructure',
  description: 'Propagation of metadata from Gateway infrastructure to generated components',
  features: [Feature.Gateway, Feature.GatewayInfrastructurePropagation],
  provisional: true,
  manifests: MANIFESTS,
  specRefs: [104],
  run: infrastructureMetadataMustPropagate,
});
