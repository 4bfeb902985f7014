import { gatewayAddresses, listenerSpecs } from './status.ts';
import type { GatewayAddress, KubeObject } from './types.ts';

/** How the harness reaches Gateway addresses: per-Gateway overrides and the privileged-port offset. */
export interface DialMapping {
  readonly lowPortOffset: number;
  /** `ns/name` (or just `name` for the infra namespace) -> `host` or `host:port`. */
  readonly gatewayAddresses: Readonly<Record<string, string>>;
  /** `host:port` or `host` -> `host:port`, applied last: where the connection really goes. */
  readonly dialMap?: Readonly<Record<string, string>>;
}

/**
 * The address of a listener of a Gateway, or undefined while status has no typed address.
 * Throws when the named listener is not in the spec.
 */
export function resolveGatewayAddress(
  gateway: KubeObject,
  listenerName: string | undefined,
  dial: DialMapping,
  infraNamespace: string,
): GatewayAddress | undefined {
  const listeners = listenerSpecs(gateway);
  const listener = listenerName === undefined ? listeners[0] : listeners.find((l) => l.name === listenerName);
  const id = `${gateway.metadata.namespace}/${gateway.metadata.name}`;
  if (!listener) throw new Error(`Gateway ${id} has no listener ${listenerName ?? '(any)'}`);
  const address = gatewayAddresses(gateway).find((a) => a.type !== undefined && a.value);
  if (!address) return undefined;
  const mappedPort = listener.port < 1024 ? listener.port + dial.lowPortOffset : listener.port;
  const override =
    dial.gatewayAddresses[id] ?? (gateway.metadata.namespace === infraNamespace ? dial.gatewayAddresses[gateway.metadata.name] : undefined);
  const parsed = override === undefined ? { host: address.value, port: mappedPort } : splitHostPort(override);
  const target = { host: parsed.host, port: parsed.port ?? mappedPort };
  const tunnel = dial.dialMap?.[`${target.host}:${target.port}`] ?? dial.dialMap?.[target.host];
  const dialled = tunnel === undefined ? target : splitHostPort(tunnel);
  return { host: address.value, port: listener.port, dialHost: dialled.host, dialPort: dialled.port ?? target.port };
}

/** `host`, `host:port`, `[v6]`, `[v6]:port`. */
export function splitHostPort(value: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  const colon = value.lastIndexOf(':');
  if (colon > 0 && value.indexOf(':') === colon && /^\d+$/.test(value.slice(colon + 1))) {
    return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
  }
  return { host: value };
}
