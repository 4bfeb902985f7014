/** Everything the server needs to know to serve one kind: adding a kind is adding one entry. */
export interface ResourceDef {
  readonly group: string;
  /** Served versions; the first is the preferred (and storage) version. */
  readonly versions: readonly string[];
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** Has a /status subresource: status is written only there, spec changes bump generation. */
  readonly statusSubresource: boolean;
  /** Served as pods/log. */
  readonly logSubresource?: boolean;
  /** Served as pods/binding (POST a v1 Binding: what a scheduler does). */
  readonly bindingSubresource?: boolean;
  /** Only get/list/watch (objects are created by the server itself). */
  readonly readOnly?: boolean;
  /** Installed through a CustomResourceDefinition, so it can be left out as if the CRD were absent. */
  readonly viaCrd?: boolean;
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export const ALL_RESOURCES: readonly ResourceDef[] = [
  { group: '', versions: ['v1'], plural: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], statusSubresource: true },
  { group: '', versions: ['v1'], plural: 'services', singular: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ['all'], statusSubresource: true },
  { group: '', versions: ['v1'], plural: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'], statusSubresource: true, logSubresource: true, bindingSubresource: true },
  { group: '', versions: ['v1'], plural: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], statusSubresource: false },
  { group: '', versions: ['v1'], plural: 'nodes', singular: 'node', kind: 'Node', namespaced: false, shortNames: ['no'], statusSubresource: true },
  { group: '', versions: ['v1'], plural: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true, statusSubresource: false },
  { group: '', versions: ['v1'], plural: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'], statusSubresource: false },
  { group: '', versions: ['v1'], plural: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], statusSubresource: false },
  { group: 'apps', versions: ['v1'], plural: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'], statusSubresource: true },
  { group: 'discovery.k8s.io', versions: ['v1'], plural: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', namespaced: true, statusSubresource: false },
  // The run lock of the harness (harness/run/run-lease.ts) holds one in the infra namespace.
  { group: 'coordination.k8s.io', versions: ['v1'], plural: 'leases', singular: 'lease', kind: 'Lease', namespaced: true, statusSubresource: false },
  { group: 'apiextensions.k8s.io', versions: ['v1'], plural: 'customresourcedefinitions', singular: 'customresourcedefinition', kind: 'CustomResourceDefinition', namespaced: false, shortNames: ['crd', 'crds'], categories: ['api-extensions'], statusSubresource: true, readOnly: true },
  { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], plural: 'gatewayclasses', singular: 'gatewayclass', kind: 'GatewayClass', namespaced: false, shortNames: ['gc'], categories: ['gateway-api'], statusSubresource: true, viaCrd: true },
  { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], plural: 'gateways', singular: 'gateway', kind: 'Gateway', namespaced: true, shortNames: ['gtw'], categories: ['gateway-api'], statusSubresource: true, viaCrd: true },
  { group: GATEWAY_GROUP, versions: ['v1'], plural: 'grpcroutes', singular: 'grpcroute', kind: 'GRPCRoute', namespaced: true, categories: ['gateway-api'], statusSubresource: true, viaCrd: true },
  { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], plural: 'httproutes', singular: 'httproute', kind: 'HTTPRoute', namespaced: true, categories: ['gateway-api'], statusSubresource: true, viaCrd: true },
  { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], plural: 'referencegrants', singular: 'referencegrant', kind: 'ReferenceGrant', namespaced: true, shortNames: ['refgrant'], categories: ['gateway-api'], statusSubresource: false, viaCrd: true },
  { group: GATEWAY_GROUP, versions: ['v1'], plural: 'listenersets', singular: 'listenerset', kind: 'ListenerSet', namespaced: true, shortNames: ['lset'], categories: ['gateway-api'], statusSubresource: true, viaCrd: true },
  { group: GATEWAY_GROUP, versions: ['v1', 'v1alpha3'], plural: 'backendtlspolicies', singular: 'backendtlspolicy', kind: 'BackendTLSPolicy', namespaced: true, shortNames: ['btlspolicy'], categories: ['gateway-api'], statusSubresource: true, viaCrd: true },
];

/** The kinds one cluster serves, after `disabledKinds` took some away. */
export class ResourceRegistry {
  readonly resources: readonly ResourceDef[];

  constructor(disabledKinds: readonly string[] = []) {
    this.resources = ALL_RESOURCES.filter((def) => !def.viaCrd || !disabledKinds.some((pattern) => matchesPattern(def, pattern)));
  }

  /** The resource at /apis/<group>/<version>/<plural>, if served. */
  find(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.resources.find((d) => d.group === group && d.plural === plural && d.versions.includes(version));
  }

  byKind(group: string, kind: string): ResourceDef | undefined {
    return this.resources.find((d) => d.group === group && d.kind === kind);
  }

  /** Resources served at one group/version, for discovery. */
  inGroupVersion(group: string, version: string): ResourceDef[] {
    return this.resources.filter((d) => d.group === group && d.versions.includes(version));
  }

  groups(): string[] {
    return [...new Set(this.resources.map((d) => d.group).filter((g) => g !== ''))];
  }
}

/** `GRPCRoute`, `GRPCRoute.gateway.networking.k8s.io`, `grpcroutes.gateway.networking.k8s.io` or `*.gateway.networking.k8s.io`. */
function matchesPattern(def: ResourceDef, pattern: string): boolean {
  if (pattern === `*.${def.group}`) return true;
  return pattern === def.kind || pattern === `${def.kind}.${def.group}` || pattern === `${def.plural}.${def.group}`;
}

/** The storage key of a resource, independent of the version it is served at. */
export function resourceKey(def: ResourceDef): string {
  return `${def.group}/${def.plural}`;
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
