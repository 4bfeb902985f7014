import { HarnessError } from '../../errors.ts';

/** An inclusive IPv4 range for LoadBalancer Services, e.g. 172.18.255.200-172.18.255.250. */
export interface AddressRange {
  readonly first: string;
  readonly last: string;
}

/**
 * From `docker network inspect kind --format '{{json .IPAM.Config}}'`: .200-.250 of the last /24
 * of the network's IPv4 subnet, the block docker hands out last to containers.
 */
export function carveLoadBalancerRange(ipamConfigJson: string): AddressRange {
  let entries: unknown;
  try {
    entries = JSON.parse(ipamConfigJson.trim());
  } catch (error) {
    throw new HarnessError('GRPCCONF_KIND_NETWORK', `cannot read the docker "kind" network's IPAM config: ${ipamConfigJson.slice(0, 200)}`, { cause: error });
  }
  const subnets = (Array.isArray(entries) ? entries : [])
    .map((e: unknown) => (e as { Subnet?: unknown } | null)?.Subnet)
    .filter((s): s is string => typeof s === 'string');
  const v4 = subnets.map(parseCidr).find((c) => c !== undefined);
  if (!v4) {
    throw new HarnessError('GRPCCONF_KIND_NETWORK', `the docker "kind" network has no IPv4 subnet (subnets: ${subnets.join(', ') || 'none'}); MetalLB needs one`);
  }
  if (v4.prefix > 24) {
    throw new HarnessError('GRPCCONF_KIND_NETWORK', `the docker "kind" network's IPv4 subnet /${v4.prefix} is smaller than a /24; no room for .200-.250`);
  }
  const hostBits = 32 - v4.prefix;
  const lastBlock = ((v4.base | (2 ** hostBits - 1)) & 0xffffff00) >>> 0;
  return { first: toDotted(lastBlock + 200), last: toDotted(lastBlock + 250) };
}

function parseCidr(cidr: string): { base: number; prefix: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (address & mask) >>> 0, prefix };
}

function toDotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}
