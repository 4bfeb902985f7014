import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePlus, encodePlus, startTestEcho } from './support/echo-fixture.ts';
import type { EchoFixture } from './support/echo-fixture.ts';
import { grpcCall } from './support/grpc-call.ts';
import type { Kind } from './support/grpc-call.ts';

const PLUS = '/grpcroute_conformance.echo.v1.EchoPlus';
interface PlusResponse {
  assertions: { fullyQualifiedMethod: string };
  requestId: string;
  sequence: number;
  received: number;
}

describe('EchoPlus', () => {
  let fx: EchoFixture;
  beforeAll(async () => {
    fx = await startTestEcho();
  });
  afterAll(async () => fx.server.stop());

  const call = (method: string, kind: Kind, requests: object[], deadlineMs?: number) =>
    grpcCall(fx.server.httpPort, `${PLUS}/${method}`, kind, requests.map(encodePlus), decodePlus, deadlineMs ? { deadlineMs } : {});

  it('Unary echoes the request id and sends requested headers and trailers, -bin included', async () => {
    const result = await call('Unary', 'unary', [
      {
        requestId: 'r-1',
        responseHeaders: [{ key: 'x-h', value: 'a' }, { key: 'x-h', value: 'b' }, { key: 'x-h-bin', binaryValue: Buffer.from([9, 8]) }],
        responseTrailers: [{ key: 'x-t', value: 'z' }, { key: 'x-t-bin', binaryValue: Buffer.from([7]) }],
      },
    ]);
    expect(result.code).toBe(0);
    expect(result.messages).toMatchObject([{ requestId: 'r-1', sequence: 0, received: 1, assertions: { fullyQualifiedMethod: `${PLUS}/Unary` } }]);
    // Sent as two header fields; Node's HTTP/2 client joins repeated fields with ", " (RFC 9110 §5.3).
    expect(result.headers['x-h']).toEqual(['a, b']);
    expect(result.headers['x-h-bin']).toEqual([Buffer.from([9, 8])]);
    expect(result.headers['x-echo-pod']).toEqual(['grpc-infra-backend-v1-abc12-xyz']);
    expect(result.trailers['x-t']).toEqual(['z']);
    expect(result.trailers['x-t-bin']).toEqual([Buffer.from([7])]);
  });

  it('Unary returns a requested error status with message, trailers and the pod identity', async () => {
    const result = await call('Unary', 'unary', [
      { requestId: 'r-2', statusCode: grpc.status.RESOURCE_EXHAUSTED, statusMessage: 'quota 100% used', responseTrailers: [{ key: 'x-why', value: 'test' }] },
    ]);
    expect(result.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(result.details).toBe('quota 100% used');
    expect(result.messages).toEqual([]);
    expect(result.trailers['x-why']).toEqual(['test']);
    expect(result.trailers['x-echo-pod']).toEqual(['grpc-infra-backend-v1-abc12-xyz']);
    expect(fx.logs.at(-1)).toMatchObject({ requestId: 'r-2', code: grpc.status.RESOURCE_EXHAUSTED });
  });

  it('ServerStream sends count responses in sequence', async () => {
    const result = await call('ServerStream', 'serverStream', [{ requestId: 's', count: 3 }]);
    expect(result.code).toBe(0);
    expect((result.messages as PlusResponse[]).map((m) => [m.sequence, m.requestId])).toEqual([[0, 's'], [1, 's'], [2, 's']]);
  });

  it('ClientStream answers once with the number of requests received', async () => {
    const result = await call('ClientStream', 'clientStream', [{ requestId: 'c' }, {}, {}, {}]);
    expect(result.code).toBe(0);
    expect(result.messages).toMatchObject([{ requestId: 'c', sequence: 0, received: 4 }]);
  });

  it('Bidi answers every request in order', async () => {
    const result = await call('Bidi', 'bidi', [{ requestId: 'b1' }, { requestId: 'b2' }, { requestId: 'b3' }]);
    expect(result.code).toBe(0);
    expect((result.messages as PlusResponse[]).map((m) => [m.requestId, m.sequence, m.received])).toEqual([['b1', 0, 1], ['b2', 1, 2], ['b3', 2, 3]]);
  });

  it('Bidi ends with the requested status after the responses', async () => {
    const result = await call('Bidi', 'bidi', [{ requestId: 'b', statusCode: grpc.status.ABORTED, statusMessage: 'stop' }, {}]);
    expect(result.code).toBe(grpc.status.ABORTED);
    expect(result.messages).toHaveLength(2);
  });

  it('a delay longer than the deadline ends in DEADLINE_EXCEEDED and the call is logged', async () => {
    const result = await call('Unary', 'unary', [{ requestId: 'slow', delayMs: 2000 }], 150);
    expect(result.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    await expect.poll(() => fx.logs.find((l) => l.requestId === 'slow')).toBeDefined();
    expect([grpc.status.DEADLINE_EXCEEDED, grpc.status.CANCELLED]).toContain(fx.logs.find((l) => l.requestId === 'slow')?.code);
  });
});
