import type { KubeObject } from '../../harness/kube/types.ts';

/** The Gateways of fixtures/base that every test shares; they live in the infra namespace. */
export const SHARED_GATEWAYS = ['same-namespace', 'all-namespaces', 'backend-namespaces'] as const;

const INFRA_NAMESPACE = 'grpc-conformance-infra';
const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const ROUTE_KINDS = new Set(['GRPCRoute', 'HTTPRoute']);

/** A route of a fixture that attaches to a shared Gateway, with the hostnames it claims there. */
export interface SharedGatewayRoute {
  readonly route: string;
  readonly gateway: string;
  readonly hostnames: readonly string[];
}

interface ParentRef {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name: string;
}

/** The routes among `objects` whose parentRefs name a shared Gateway (namespace defaults to the route's). */
export function sharedGatewayRoutes(objects: readonly KubeObject[]): SharedGatewayRoute[] {
  return objects.flatMap((object) => {
    if (!ROUTE_KINDS.has(object.kind) || !object.apiVersion.startsWith(`${GATEWAY_GROUP}/`)) return [];
    const spec = (object.spec ?? {}) as { parentRefs?: ParentRef[]; hostnames?: string[] };
    const routeNamespace = object.metadata.namespace ?? INFRA_NAMESPACE;
    const route = `${object.kind} ${routeNamespace}/${object.metadata.name}`;
    return (spec.parentRefs ?? [])
      .filter((ref) => (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && (ref.kind ?? 'Gateway') === 'Gateway')
      .filter((ref) => (ref.namespace ?? routeNamespace) === INFRA_NAMESPACE && (SHARED_GATEWAYS as readonly string[]).includes(ref.name))
      .map((ref) => ({ route, gateway: ref.name, hostnames: spec.hostnames ?? [] }));
  });
}
