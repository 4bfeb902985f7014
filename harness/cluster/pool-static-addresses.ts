import type { StaticAddresses } from '../config/types.ts';

/** TEST-NET-1 (RFC 5737): documentation only, in no pool of ours, never bound and never dialled. */
export const UNUSABLE_STATIC_ADDRESS = '192.0.2.1';

/**
 * What GatewayStaticAddresses may request from a reference gateway serving `cidr` (IPv4): the
 * pool's last host address, which dynamic allocation (from the bottom up) would reach only with
 * the pool full, and an address outside every pool.
 */
export function poolStaticAddresses(cidr: string): StaticAddresses {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!match) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  const [a, b, c, d, prefix] = match.slice(1).map(Number) as [number, number, number, number, number];
  const mask = (~0 << (32 - prefix)) >>> 0;
  const last = ((((a << 24) | (b << 16) | (c << 8) | d) >>> 0) & mask) + 2 ** (32 - prefix) - 2;
  const usable = [last >>> 24, (last >>> 16) & 255, (last >>> 8) & 255, last & 255].join('.');
  return { usable, unusable: UNUSABLE_STATIC_ADDRESS };
}
