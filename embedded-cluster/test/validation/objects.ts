// Builders for the objects under test: a minimal valid object of each kind, with the part under
// test swapped in.
type Json = Record<string, unknown>;

export function grpcRoute(spec: Json | undefined, annotations?: Record<string, string>): Json {
  const metadata: Json = { name: 'route', namespace: 'default', ...(annotations ? { annotations } : {}) };
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata, ...(spec ? { spec } : {}) };
}

/** A GRPCRoute with one rule made of `rule`. */
export function grpcRule(rule: Json): Json {
  return grpcRoute({ parentRefs: [{ name: 'gw' }], rules: [rule] });
}

/** A GRPCRoute whose single rule has one match. */
export function grpcMatch(match: Json): Json {
  return grpcRule({ matches: [match], backendRefs: [{ name: 'svc', port: 8080 }] });
}

/** A GRPCRoute whose single rule has the given filters. */
export function grpcFilters(filters: unknown[]): Json {
  return grpcRule({ filters, backendRefs: [{ name: 'svc', port: 8080 }] });
}

export function httpRoute(spec: Json | undefined): Json {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'web', namespace: 'default' }, ...(spec ? { spec } : {}) };
}

export function gateway(listeners: unknown[], extra: Json = {}): Json {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'default' },
    spec: { gatewayClassName: 'grpcroute-reference', listeners, ...extra },
  };
}

export function gatewayClass(controllerName: unknown): Json {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: 'grpcroute-reference' },
    spec: controllerName === undefined ? {} : { controllerName },
  };
}

export function referenceGrant(spec: Json): Json {
  return { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'grant', namespace: 'default' }, spec };
}

export function backendTlsPolicy(spec: Json): Json {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'BackendTLSPolicy', metadata: { name: 'tls', namespace: 'default' }, spec };
}

/** n copies of what `make` builds for each index. */
export function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}
