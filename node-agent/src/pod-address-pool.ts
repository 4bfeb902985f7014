import { randomInt } from 'node:crypto';
import { isIPv4 } from 'node:net';

/**
 * Hands out pod addresses from an IPv4 CIDR (network and broadcast addresses left out, and the
 * node's own address when it lies inside). Starts at a random address so agents in parallel test
 * processes sharing one range (127.1.0.0/16 on loopback) rarely pick the same one; an address
 * someone else holds stays reserved until `release`.
 */
export class PodAddressPool {
  private readonly inUse = new Set<string>();
  private readonly base: number;
  private readonly size: number;
  private cursor: number;

  constructor(
    readonly cidr: string,
    private readonly exclude: readonly string[] = [],
  ) {
    const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
    const prefix = Number(match?.[2]);
    if (!match || !isIPv4(match[1]!) || prefix < 8 || prefix > 30) throw new Error(`node agent: podAddresses must be an IPv4 CIDR between /8 and /30, got "${cidr}"`);
    const span = 2 ** (32 - prefix);
    this.base = Math.floor(toNumber(match[1]!) / span) * span + 1;
    this.size = span - 2;
    this.cursor = randomInt(this.size);
  }

  allocate(): string {
    for (let tried = 0; tried < this.size; tried++) {
      const ip = toAddress(this.base + this.cursor);
      this.cursor = (this.cursor + 1) % this.size;
      if (!this.inUse.has(ip) && !this.exclude.includes(ip)) {
        this.inUse.add(ip);
        return ip;
      }
    }
    throw new Error(`node agent: no free pod address left in ${this.cidr}`);
  }

  release(ip: string): void {
    this.inUse.delete(ip);
  }
}

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function toAddress(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
