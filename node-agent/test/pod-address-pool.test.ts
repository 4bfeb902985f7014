import { describe, expect, it } from 'vitest';
import { PodAddressPool } from '../src/pod-address-pool.ts';

describe('PodAddressPool', () => {
  it('hands out every host address of the CIDR once, leaving out network, broadcast and excluded addresses', () => {
    const pool = new PodAddressPool('10.244.128.0/29', ['10.244.128.3']);
    const given = Array.from({ length: 5 }, () => pool.allocate()).sort();
    expect(given).toEqual(['10.244.128.1', '10.244.128.2', '10.244.128.4', '10.244.128.5', '10.244.128.6']);
    expect(() => pool.allocate()).toThrow(/no free pod address left in 10\.244\.128\.0\/29/);
    pool.release('10.244.128.5');
    expect(pool.allocate()).toBe('10.244.128.5');
  });

  it('takes the network of a CIDR written with host bits set, and spans octets', () => {
    const pool = new PodAddressPool('10.244.200.9/17');
    for (let i = 0; i < 300; i++) {
      const [a, b, c] = pool.allocate().split('.').map(Number);
      expect([a, b]).toEqual([10, 244]);
      expect(c).toBeGreaterThanOrEqual(128);
    }
  });

  it('refuses what is not an IPv4 CIDR', () => {
    expect(() => new PodAddressPool('127.1.0.0')).toThrow(/IPv4 CIDR/);
    expect(() => new PodAddressPool('fd00::/64')).toThrow(/IPv4 CIDR/);
  });
});
