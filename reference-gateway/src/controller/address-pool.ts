import { GatewayConfigError } from '../errors.ts';

/**
 * Hands out IPv4 addresses from a CIDR, one per Gateway key, stable while the key is held.
 * The network address is never handed out.
 */
export class AddressPool {
  private readonly cidr: string;
  private readonly base: number;
  private readonly size: number;
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(cidr: string) {
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    const octets = match?.slice(1, 5).map(Number) ?? [];
    const prefix = Number(match?.[5]);
    if (!match || octets.some((o) => o > 255) || prefix < 8 || prefix > 30) {
      throw new GatewayConfigError(`address pool ${cidr} is not an IPv4 CIDR with prefix 8..30`, { cidr });
    }
    this.cidr = cidr;
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    this.base = (((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0) & mask;
    this.size = 2 ** (32 - prefix);
  }

  /** The key's address; `preferred` (e.g. from existing status) is honoured when free and inside the pool. */
  acquire(key: string, preferred?: string): string {
    const held = this.byKey.get(key);
    if (held) return held;
    const address = preferred && this.contains(preferred) && !this.taken.has(preferred) ? preferred : this.firstFree(key);
    this.byKey.set(key, address);
    this.taken.add(address);
    return address;
  }

  /**
   * Gives the key exactly `address` (a static address from Gateway spec), dropping whatever it held
   * before; undefined on success, else why the address cannot be used.
   */
  acquireExactly(key: string, address: string): string | undefined {
    const why = this.whyUnusable(key, address);
    if (why !== undefined || this.byKey.get(key) === address) return why;
    this.release(key);
    this.byKey.set(key, address);
    this.taken.add(address);
    return undefined;
  }

  /** Why the key cannot have `address`, or undefined when it can. */
  whyUnusable(key: string, address: string): string | undefined {
    if (this.byKey.get(key) === address) return undefined;
    if (!this.contains(address)) return `${address} is not in this gateway's address pool ${this.cidr}`;
    if (this.taken.has(address)) return `${address} is in use by another Gateway`;
    return undefined;
  }

  release(key: string): void {
    const held = this.byKey.get(key);
    if (held === undefined) return;
    this.byKey.delete(key);
    this.taken.delete(held);
  }

  /** Releases every key not in `live`. */
  retainOnly(live: ReadonlySet<string>): void {
    for (const [key, address] of this.byKey) {
      if (live.has(key)) continue;
      this.byKey.delete(key);
      this.taken.delete(address);
    }
  }

  private contains(address: string): boolean {
    const n = toNumber(address);
    return n !== undefined && n > this.base && n < this.base + this.size;
  }

  private firstFree(key: string): string {
    for (let offset = 1; offset < this.size - 1; offset++) {
      const address = toDotted(this.base + offset);
      if (!this.taken.has(address)) return address;
    }
    throw new GatewayConfigError(`address pool exhausted while allocating for ${key}`, { key, size: this.size });
  }
}

function toNumber(address: string): number | undefined {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function toDotted(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
