import { describe, expect, it } from 'vitest';
import { AddressPool } from '../../src/controller/address-pool.ts';
import { GatewayConfigError } from '../../src/errors.ts';

describe('AddressPool', () => {
  it('gives each key a stable address and reuses released ones', () => {
    const pool = new AddressPool('127.2.0.0/16');
    expect(pool.acquire('ns/a')).toBe('127.2.0.1');
    expect(pool.acquire('ns/b')).toBe('127.2.0.2');
    expect(pool.acquire('ns/a')).toBe('127.2.0.1');
    pool.retainOnly(new Set(['ns/b']));
    expect(pool.acquire('ns/c')).toBe('127.2.0.1');
  });

  it('honours a preferred address inside the pool when it is free', () => {
    const pool = new AddressPool('127.2.0.0/16');
    expect(pool.acquire('ns/a', '127.2.3.4')).toBe('127.2.3.4');
    expect(pool.acquire('ns/b', '127.2.3.4')).toBe('127.2.0.1');
    expect(pool.acquire('ns/c', '10.0.0.1')).toBe('127.2.0.2');
  });

  it('rejects bad pools and reports exhaustion', () => {
    expect(() => new AddressPool('127.2.0.0')).toThrow(GatewayConfigError);
    const tiny = new AddressPool('127.2.0.0/30');
    tiny.acquire('a');
    tiny.acquire('b');
    expect(() => tiny.acquire('c')).toThrow(/exhausted/);
  });
});

describe('AddressPool static addresses', () => {
  it('gives a key exactly the address it asks for, or says why not', () => {
    const pool = new AddressPool('127.2.0.0/24');
    expect(pool.acquire('ns/a')).toBe('127.2.0.1');
    expect(pool.acquireExactly('ns/a', '127.2.0.254')).toBeUndefined();
    expect(pool.acquire('ns/b')).toBe('127.2.0.1');
    expect(pool.whyUnusable('ns/c', '127.2.0.254')).toMatch(/in use by another Gateway/);
    expect(pool.whyUnusable('ns/c', '127.2.1.1')).toMatch(/not in this gateway's address pool 127\.2\.0\.0\/24/);
    expect(pool.whyUnusable('ns/a', '127.2.0.254')).toBeUndefined();
    pool.release('ns/a');
    expect(pool.acquireExactly('ns/c', '127.2.0.254')).toBeUndefined();
  });
});
