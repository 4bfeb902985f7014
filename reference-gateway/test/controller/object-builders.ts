import type { KubeObject, Listener, ParentReference, RouteRule } from '../../src/kube/objects.ts';

// Minimal, valid-looking objects for controller tests; each takes overrides for what a test cares about.

export const CONTROLLER = 'grpcroute-conformance.dev/reference-gateway';
export const INFRA = 'grpc-conformance-infra';
export const APP = 'grpc-conformance-app-backend';

let generation = 0;
const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `uid-${name}-${++generation}`,
  generation: 1,
  creationTimestamp: '2026-01-01T00:00:00Z',
  ...extra,
});

export function gatewayClass(name = 'grpcroute-reference', controllerName = CONTROLLER): KubeObject {
  return { kind: 'GatewayClass', metadata: meta(name), spec: { controllerName } };
}

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { kind: 'Namespace', metadata: meta(name, undefined, { labels }) };
}

export function gateway(name: string, listeners: Listener[], ns = INFRA, className = 'grpcroute-reference'): KubeObject {
  return { kind: 'Gateway', metadata: meta(name, ns), spec: { gatewayClassName: className, listeners } };
}

export const httpListener = (extra: Partial<Listener> = {}): Listener => ({ name: 'http', port: 80, protocol: 'HTTP', ...extra });

export function route(
  kind: 'GRPCRoute' | 'HTTPRoute',
  name: string,
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: RouteRule[] },
  ns = INFRA,
  extra: Record<string, unknown> = {},
): KubeObject {
  return { kind, metadata: meta(name, ns, extra), spec };
}

export function service(name: string, ns = INFRA, port: Record<string, unknown> = {}): KubeObject {
  return {
    kind: 'Service',
    metadata: meta(name, ns),
    spec: { ports: [{ name: 'grpc', port: 8080, targetPort: 3000, appProtocol: 'kubernetes.io/h2c', ...port }] },
  };
}

export function endpointSlice(serviceName: string, ips: string[], ns = INFRA, ready = true): KubeObject {
  return {
    kind: 'EndpointSlice',
    metadata: meta(`${serviceName}-abc`, ns, { labels: { 'kubernetes.io/service-name': serviceName } }),
    addressType: 'IPv4',
    ports: [{ name: 'grpc', port: 3000 }],
    endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready } })),
  };
}

export function referenceGrant(name: string, ns: string, fromNamespace: string, toName?: string): KubeObject {
  return {
    kind: 'ReferenceGrant',
    metadata: meta(name, ns),
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: fromNamespace }],
      to: [{ group: '', kind: 'Service', ...(toName ? { name: toName } : {}) }],
    },
  };
}
