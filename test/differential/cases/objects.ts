import type { CaseObject } from '../case.ts';

const GROUP = 'gateway.networking.k8s.io';

export const PARENT = { name: 'gw' };
export const BACKEND = { name: 'echo', port: 8080 };

/** A GRPCRoute with one rule sending to BACKEND, unless the spec says otherwise. */
export function grpcRoute(spec: Record<string, unknown>): CaseObject {
  return { apiVersion: `${GROUP}/v1`, kind: 'GRPCRoute', spec: { parentRefs: [PARENT], ...spec } };
}

/** A route whose single rule is `rule` (merged over a rule with BACKEND). */
export function grpcRule(rule: Record<string, unknown>): CaseObject {
  return grpcRoute({ rules: [{ backendRefs: [BACKEND], ...rule }] });
}

export function grpcFilters(filters: unknown[]): CaseObject {
  return grpcRule({ filters });
}

export function backendFilters(filters: unknown[]): CaseObject {
  return grpcRule({ backendRefs: [{ ...BACKEND, filters }] });
}

export function grpcMatches(matches: unknown[]): CaseObject {
  return grpcRule({ matches });
}

export const HTTP_LISTENER = { name: 'http', port: 80, protocol: 'HTTP' };

export function gateway(spec: Record<string, unknown>): CaseObject {
  return { apiVersion: `${GROUP}/v1`, kind: 'Gateway', spec: { gatewayClassName: 'example', listeners: [HTTP_LISTENER], ...spec } };
}

export function listeners(...items: unknown[]): CaseObject {
  return gateway({ listeners: items });
}

export const CERT = { name: 'cert' };

/** A ListenerSet attached to PARENT with one HTTP listener, unless the spec says otherwise. */
export function listenerSet(spec: Record<string, unknown>): CaseObject {
  return { apiVersion: `${GROUP}/v1`, kind: 'ListenerSet', spec: { parentRef: PARENT, listeners: [HTTP_LISTENER], ...spec } };
}

export function setListeners(...items: unknown[]): CaseObject {
  return listenerSet({ listeners: items });
}

export function referenceGrant(spec: Record<string, unknown>): CaseObject {
  return {
    apiVersion: `${GROUP}/v1`,
    kind: 'ReferenceGrant',
    spec: { from: [{ group: GROUP, kind: 'GRPCRoute', namespace: 'routes' }], to: [{ group: '', kind: 'Service' }], ...spec },
  };
}

export const TARGET = { group: '', kind: 'Service', name: 'echo' };

export function backendTlsPolicy(spec: Record<string, unknown>, validation: Record<string, unknown> = {}): CaseObject {
  return {
    apiVersion: `${GROUP}/v1`,
    kind: 'BackendTLSPolicy',
    spec: { targetRefs: [TARGET], validation: { hostname: 'echo.example.com', wellKnownCACertificates: 'System', ...validation }, ...spec },
  };
}

export function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}
