import type { ObjectCache } from '../kube/cache.ts';
import type {
  BackendTlsPolicy,
  ConfigMap,
  EndpointSlice,
  Gateway,
  GatewayClass,
  KubeObject,
  ListenerSet,
  Namespace,
  ReferenceGrant,
  Route,
  Secret,
  Service,
} from '../kube/objects.ts';
import { objectKey } from '../kube/objects.ts';

/** A consistent, read-only view of the cluster that one reconcile computes from. */
export interface Snapshot {
  readonly gatewayClasses: readonly GatewayClass[];
  readonly gateways: readonly Gateway[];
  /** Sorted by key; precedence among them is decided per Gateway (controller/listener-sets.ts). */
  readonly listenerSets: readonly ListenerSet[];
  /** GRPCRoutes and HTTPRoutes; `kind` tells them apart. */
  readonly routes: readonly Route[];
  readonly referenceGrants: readonly ReferenceGrant[];
  readonly backendTlsPolicies: readonly BackendTlsPolicy[];
  readonly services: ReadonlyMap<string, Service>;
  /** By `namespace/serviceName` (label kubernetes.io/service-name). */
  readonly endpointSlices: ReadonlyMap<string, readonly EndpointSlice[]>;
  readonly secrets: ReadonlyMap<string, Secret>;
  readonly configMaps: ReadonlyMap<string, ConfigMap>;
  readonly namespaces: ReadonlyMap<string, Namespace>;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Builds a snapshot from objects that carry their `kind`. */
export function snapshotOf(objects: readonly KubeObject[]): Snapshot {
  const of = <T extends KubeObject>(kind: string): T[] => objects.filter((o) => o.kind === kind) as T[];
  const byKey = <T extends KubeObject>(list: T[]): Map<string, T> => new Map(list.map((o) => [objectKey(o), o]));
  const slices = new Map<string, EndpointSlice[]>();
  for (const slice of of<EndpointSlice>('EndpointSlice')) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service) continue;
    const key = `${slice.metadata.namespace}/${service}`;
    slices.set(key, [...(slices.get(key) ?? []), slice]);
  }
  const routes = [...of<Route>('GRPCRoute'), ...of<Route>('HTTPRoute')];
  return {
    gatewayClasses: of<GatewayClass>('GatewayClass'),
    gateways: sortByKey(of<Gateway>('Gateway')),
    listenerSets: sortByKey(of<ListenerSet>('ListenerSet')),
    routes: sortByKey(routes),
    referenceGrants: of<ReferenceGrant>('ReferenceGrant'),
    backendTlsPolicies: sortByKey(of<BackendTlsPolicy>('BackendTLSPolicy')),
    services: byKey(of<Service>('Service')),
    endpointSlices: slices,
    secrets: byKey(of<Secret>('Secret')),
    configMaps: byKey(of<ConfigMap>('ConfigMap')),
    namespaces: byKey(of<Namespace>('Namespace')),
  };
}

/** Snapshot of everything in the cache right now. */
export function snapshotFromCache(cache: ObjectCache): Snapshot {
  const kinds = ['GatewayClass', 'Gateway', 'ListenerSet', 'GRPCRoute', 'HTTPRoute', 'ReferenceGrant', 'BackendTLSPolicy', 'Service', 'EndpointSlice', 'Secret', 'ConfigMap', 'Namespace'] as const;
  return snapshotOf(kinds.flatMap((kind) => cache.list(kind)));
}

function sortByKey<T extends KubeObject>(list: T[]): T[] {
  return list.sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : objectKey(a) > objectKey(b) ? 1 : 0));
}
