import { describe, expect, it } from 'vitest';
import { encodeGrpcMessage } from '../../src/data-plane/grpc-status.ts';
import { parseGrpcTimeout } from '../../src/data-plane/grpc-timeout.ts';

describe('gRPC wire details', () => {
  it('percent-encodes grpc-message: printable ASCII stays, % and non-ASCII become %XX of UTF-8', () => {
    expect(encodeGrpcMessage('plain text: ok')).toBe('plain text: ok');
    expect(encodeGrpcMessage('100% café\n')).toBe('100%25 caf%C3%A9%0A');
  });

  it.each([
    ['100m', 100],
    ['2S', 2000],
    ['1M', 60_000],
    ['1H', 3_600_000],
    ['5000u', 5],
    ['7000000n', 7],
  ])('parses grpc-timeout %s as %d ms', (value, ms) => {
    expect(parseGrpcTimeout(value)).toBeCloseTo(ms);
  });

  it.each(['', '100', '123456789m', '10x', '-1S'])('ignores the malformed grpc-timeout %j', (value) => {
    expect(parseGrpcTimeout(value)).toBeUndefined();
  });
});
