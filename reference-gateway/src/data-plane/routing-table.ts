import type {
  CompiledBackend,
  CompiledFilter,
  DataPlaneConfig,
  ListenerConfig,
} from '../model/data-plane-config.ts';
import { compileMatch, type MatchPlan } from './route-match.ts';
import { EndpointRotation } from './weights.ts';

/** A backend with its per-backend round-robin state. */
export interface BackendEntry {
  readonly config: CompiledBackend;
  readonly rotation: EndpointRotation;
}

export interface RuleEntry {
  readonly routeKey: string;
  readonly index: number;
  readonly matches: readonly MatchPlan[];
  readonly filters: readonly CompiledFilter[];
  readonly backends: readonly BackendEntry[];
}

export interface RouteEntry {
  readonly key: string;
  readonly createdMs: number;
  readonly hostnames: readonly string[];
  readonly routeHostnames: readonly string[];
  readonly rules: readonly RuleEntry[];
}

export interface ListenerEntry {
  readonly name: string;
  readonly hostname?: string;
  readonly certificates: readonly { readonly certPem: string; readonly keyPem: string }[];
  readonly routes: readonly RouteEntry[];
}

/** Everything one bound server (gateway address + bind port) routes by; replaced as a whole on apply. */
export interface ServerTable {
  /** `address:bindPort`. */
  readonly key: string;
  readonly address: string;
  readonly bindPort: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly listeners: readonly ListenerEntry[];
}

function compileBackend(config: CompiledBackend): BackendEntry {
  return { config, rotation: new EndpointRotation() };
}

function compileListener(listener: ListenerConfig): ListenerEntry {
  return {
    name: listener.name,
    ...(listener.hostname !== undefined ? { hostname: listener.hostname.toLowerCase() } : {}),
    certificates: listener.certificates ?? [],
    routes: listener.routes.map((route) => ({
      key: route.key,
      createdMs: Date.parse(route.creationTimestamp) || 0,
      hostnames: route.hostnames.map((h) => h.toLowerCase()),
      routeHostnames: (route.routeHostnames ?? []).map((h) => h.toLowerCase()),
      rules: route.rules.map((rule) => ({
        routeKey: route.key,
        index: rule.index,
        matches: rule.matches.length === 0 ? [compileMatch(undefined)] : rule.matches.map((m) => compileMatch(m)),
        filters: rule.filters,
        backends: rule.backends.map(compileBackend),
      })),
    })),
  };
}

/**
 * Groups the listeners of every gateway by (address, bindPort). A port's protocol is that of its first
 * listener; listeners of the other protocol on the same port are conflicted and reported through `skipped`.
 */
export function compileServerTables(config: DataPlaneConfig): { tables: ServerTable[]; skipped: string[] } {
  const byKey = new Map<string, { address: string; bindPort: number; protocol: 'HTTP' | 'HTTPS'; listeners: ListenerEntry[] }>();
  const skipped: string[] = [];
  for (const gateway of config.gateways) {
    for (const listener of gateway.listeners) {
      const key = `${gateway.address}:${listener.bindPort}`;
      let table = byKey.get(key);
      if (!table) {
        table = { address: gateway.address, bindPort: listener.bindPort, protocol: listener.protocol, listeners: [] };
        byKey.set(key, table);
      }
      if (table.protocol !== listener.protocol) {
        skipped.push(`${gateway.key}/${listener.name}: ${listener.protocol} on ${key} which already serves ${table.protocol}`);
        continue;
      }
      table.listeners.push(compileListener(listener));
    }
  }
  return { tables: [...byKey].map(([key, t]) => ({ key, ...t })), skipped };
}
