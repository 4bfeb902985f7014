import type { ResourceType } from '../../kube-rest/rest-client.ts';

/** The core/v1 collections the agent reads and writes. */
export const CORE = {
  Pod: { group: '', version: 'v1', plural: 'pods', namespaced: true },
  Secret: { group: '', version: 'v1', plural: 'secrets', namespaced: true },
  ConfigMap: { group: '', version: 'v1', plural: 'configmaps', namespaced: true },
  Node: { group: '', version: 'v1', plural: 'nodes', namespaced: false },
  Event: { group: '', version: 'v1', plural: 'events', namespaced: true },
} as const satisfies Record<string, ResourceType>;

export type WatchedKind = 'Pod' | 'Secret' | 'ConfigMap' | 'Node';
