import { describe, expect, it } from 'vitest';
import { poolStaticAddresses } from '../../harness/cluster/pool-static-addresses.ts';
import { parseStaticAddress } from '../../harness/cli/value-parsers.ts';

describe('static addresses of a reference-gateway pool', () => {
  it('are the last host address of the pool and TEST-NET-1', () => {
    expect(poolStaticAddresses('127.70.3.0/24')).toEqual({ usable: '127.70.3.254', unusable: '192.0.2.1' });
    expect(poolStaticAddresses('10.244.64.0/24')).toEqual({ usable: '10.244.64.254', unusable: '192.0.2.1' });
  });

  it('flags take an IP or a hostname and refuse anything else in one line', () => {
    expect(parseStaticAddress(' 192.0.2.7 ')).toBe('192.0.2.7');
    expect(parseStaticAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(parseStaticAddress('gw.example.com')).toBe('gw.example.com');
    expect(() => parseStaticAddress('not an address!')).toThrow(/expected an IP address or a DNS hostname, got "not an address!"/);
  });
});
