import type { ApiObject } from './api-object.ts';
import type { ResourceRegistry } from './registry.ts';

/** Annotations the Gateway API bundle puts on its CRDs; the harness reads them. */
export const BUNDLE_VERSION_ANNOTATION = 'gateway.networking.k8s.io/bundle-version';
export const CHANNEL_ANNOTATION = 'gateway.networking.k8s.io/channel';

/** CustomResourceDefinition objects for every served kind installed through a CRD. */
export function gatewayCrds(registry: ResourceRegistry, bundleVersion: string, channel: string): ApiObject[] {
  return registry.resources
    .filter((def) => def.viaCrd)
    .map((def) => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {
        name: `${def.plural}.${def.group}`,
        generation: 1,
        annotations: { [BUNDLE_VERSION_ANNOTATION]: bundleVersion, [CHANNEL_ANNOTATION]: channel },
      },
      spec: {
        group: def.group,
        names: {
          plural: def.plural,
          singular: def.singular,
          kind: def.kind,
          listKind: `${def.kind}List`,
          ...(def.shortNames ? { shortNames: [...def.shortNames] } : {}),
          ...(def.categories ? { categories: [...def.categories] } : {}),
        },
        scope: def.namespaced ? 'Namespaced' : 'Cluster',
        versions: def.versions.map((name, i) => ({
          name,
          served: true,
          storage: i === 0,
          ...(def.statusSubresource ? { subresources: { status: {} } } : {}),
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        })),
      },
      status: {
        acceptedNames: { plural: def.plural, singular: def.singular, kind: def.kind, listKind: `${def.kind}List` },
        storedVersions: [def.versions[0]],
        conditions: [
          { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') },
          { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') },
        ],
      },
    }));
}
