import type { ResourceDef, ResourceRegistry } from './registry.ts';

/** A request path that names a resource (collection, object or subresource). */
export interface ResourcePath {
  readonly kind: 'resource';
  readonly def: ResourceDef;
  readonly version: string;
  /** Set for namespaced requests; undefined means all namespaces (or a cluster-scoped resource). */
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: 'status' | 'log' | 'binding';
  /** The legacy `/watch/` path prefix was used. */
  readonly watchPrefix: boolean;
}

/** A discovery document path. */
export type DiscoveryPath =
  | { readonly kind: 'core-versions' }
  | { readonly kind: 'group-list' }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'resource-list'; readonly group: string; readonly version: string };

/** Maps `/api/...` and `/apis/...` onto the registry; undefined for anything not served. */
export function parseApiPath(pathname: string, registry: ResourceRegistry): ResourcePath | DiscoveryPath | undefined {
  const segments = pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api') {
    if (segments.length === 1) return { kind: 'core-versions' };
    if (segments[1] !== 'v1') return undefined;
    group = '';
    version = 'v1';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis') {
    if (segments.length === 1) return { kind: 'group-list' };
    if (segments.length === 2) return { kind: 'group', group: segments[1]! };
    group = segments[1]!;
    version = segments[2]!;
    rest = segments.slice(3);
  } else return undefined;

  if (rest.length === 0) return { kind: 'resource-list', group, version };
  const watchPrefix = rest[0] === 'watch';
  if (watchPrefix) rest = rest.slice(1);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && registry.find(group, version, rest[2]!)?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const def = rest[0] === undefined ? undefined : registry.find(group, version, rest[0]);
  if (!def || rest.length > 3) return undefined;
  if (!def.namespaced && namespace !== undefined) return undefined;
  if (def.namespaced && namespace === undefined && rest.length > 1) return undefined;
  const subresource = rest[2];
  const served = (subresource === 'status' && def.statusSubresource) || (subresource === 'log' && def.logSubresource) || (subresource === 'binding' && def.bindingSubresource);
  if (subresource !== undefined && !served) {
    return undefined;
  }
  return {
    kind: 'resource',
    def,
    version,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(rest[1] !== undefined ? { name: rest[1] } : {}),
    ...(subresource !== undefined ? { subresource: subresource as 'status' | 'log' | 'binding' } : {}),
    watchPrefix,
  };
}
