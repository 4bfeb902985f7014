import { randomInt } from 'node:crypto';

const SLOTS = 256 * 254;

/**
 * Hands out pod addresses 127.1.x.y (x 0-255, y 1-254); any user may bind them on Linux. Starts
 * at a random slot so clusters in parallel test processes rarely pick the same address, and
 * skips addresses someone else already holds (`markTaken`).
 */
export class PodIpAllocator {
  private readonly inUse = new Set<string>();
  private cursor = randomInt(SLOTS);

  allocate(): string {
    for (let tried = 0; tried < SLOTS; tried++) {
      const slot = this.cursor;
      this.cursor = (this.cursor + 1) % SLOTS;
      const ip = `127.1.${Math.floor(slot / 254)}.${(slot % 254) + 1}`;
      if (!this.inUse.has(ip)) {
        this.inUse.add(ip);
        return ip;
      }
    }
    throw new Error('embedded cluster: no free pod address left in 127.1.0.0/16');
  }

  release(ip: string): void {
    this.inUse.delete(ip);
  }
}
