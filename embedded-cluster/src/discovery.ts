import type { ResourceDef, ResourceRegistry } from './registry.ts';
import { apiVersionOf } from './registry.ts';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ_VERBS = ['get', 'list', 'watch'];

/** Legacy (unaggregated) discovery documents, which kubectl falls back to. */
export class Discovery {
  constructor(
    private readonly registry: ResourceRegistry,
    private readonly serverAddress: () => string,
  ) {}

  coreVersions(): Record<string, unknown> {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.serverAddress() }],
    };
  }

  groupList(): Record<string, unknown> {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: this.registry.groups().map((g) => this.group(g)) };
  }

  /** The APIGroup document of `/apis/<group>`, or undefined when nothing of it is served. */
  group(name: string): Record<string, unknown> | undefined {
    const defs = this.registry.resources.filter((d) => d.group === name);
    if (defs.length === 0) return undefined;
    const versions = [...new Set(defs.flatMap((d) => d.versions))].map((version) => ({
      groupVersion: apiVersionOf(name, version),
      version,
    }));
    return { kind: 'APIGroup', apiVersion: 'v1', name, versions, preferredVersion: versions[0] };
  }

  /** The APIResourceList of one group/version, or undefined when it is not served. */
  resourceList(group: string, version: string): Record<string, unknown> | undefined {
    const defs = this.registry.inGroupVersion(group, version);
    if (defs.length === 0) return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: apiVersionOf(group, version),
      resources: defs.flatMap(describe),
    };
  }
}

function describe(def: ResourceDef): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: def.plural,
    singularName: def.singular,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: def.readOnly ? READ_VERBS : ALL_VERBS,
    ...(def.shortNames ? { shortNames: def.shortNames } : {}),
    ...(def.categories ? { categories: def.categories } : {}),
  };
  const out = [main];
  if (def.statusSubresource) {
    out.push({ name: `${def.plural}/status`, singularName: '', namespaced: def.namespaced, kind: def.kind, verbs: def.readOnly ? ['get'] : ['get', 'patch', 'update'] });
  }
  if (def.logSubresource) out.push({ name: `${def.plural}/log`, singularName: '', namespaced: def.namespaced, kind: def.kind, verbs: ['get'] });
  return out;
}
