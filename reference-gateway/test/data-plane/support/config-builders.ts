import type {
  CompiledBackend,
  CompiledFilter,
  CompiledMatch,
  CompiledRoute,
  CompiledRule,
  DataPlaneConfig,
  ListenerConfig,
} from '../../../src/model/data-plane-config.ts';
import type { EchoBackend } from './echo-backend.ts';

/** A valid backend pointing at started echo backends. */
export function backendOf(backends: readonly EchoBackend[], extra: Partial<CompiledBackend> = {}): CompiledBackend {
  return {
    key: `ns/${backends.map((b) => b.name).join('+') || 'none'}:8080`,
    weight: 1,
    valid: true,
    endpoints: backends.map((b) => b.endpoint),
    filters: [],
    ...extra,
  };
}

export function ruleOf(index: number, parts: { matches?: CompiledMatch[]; filters?: CompiledFilter[]; backends?: CompiledBackend[] }): CompiledRule {
  return { index, matches: parts.matches ?? [], filters: parts.filters ?? [], backends: parts.backends ?? [] };
}

export function routeOf(key: string, rules: CompiledRule[], extra: { hostnames?: string[]; created?: string } = {}): CompiledRoute {
  return { key, creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z', hostnames: extra.hostnames ?? [], rules };
}

/** Exact service (+ method) match with optional Exact headers. */
export function exact(service: string | undefined, method?: string, headers: Record<string, string> = {}): CompiledMatch {
  return {
    method: { type: 'Exact', ...(service ? { service } : {}), ...(method ? { method } : {}) },
    headers: Object.entries(headers).map(([name, value]) => ({ type: 'Exact' as const, name, value })),
  };
}

export function headersOnly(headers: Record<string, string>): CompiledMatch {
  return { headers: Object.entries(headers).map(([name, value]) => ({ type: 'Exact' as const, name, value })) };
}

export function listenerOf(name: string, bindPort: number, routes: CompiledRoute[], extra: Partial<ListenerConfig> = {}): ListenerConfig {
  return { name, port: bindPort, bindPort, protocol: 'HTTP', routes, ...extra };
}

export function configOf(address: string, listeners: ListenerConfig[]): DataPlaneConfig {
  return { gateways: [{ key: 'infra/test-gateway', address, listeners }] };
}
