import type { GatewayAddress } from '../kube/types.ts';

function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Where the client connects (after dial mapping). */
export function dialTarget(gw: GatewayAddress): string {
  return hostPort(gw.dialHost, gw.dialPort);
}

/** The `:authority` a client of the gateway would send by default: its status address and listener port. */
export function defaultAuthority(gw: GatewayAddress): string {
  return hostPort(gw.host, gw.port);
}
