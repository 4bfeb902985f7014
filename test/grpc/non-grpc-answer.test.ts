import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareResult } from '../../harness/grpc/expect.ts';
import { createGrpcHelpers } from '../../harness/grpc/helpers.ts';
import type { GatewayAddress } from '../../harness/kube/types.ts';
import { NAMESPACE, TEST_TIMEOUTS } from './support/echo-backend.ts';

const grpc = createGrpcHelpers({ timeouts: TEST_TIMEOUTS, infraNamespace: NAMESPACE });

// What Traefik 3.7.10 sends for an invalid backend: an HTTP 200 with a JSON body and no grpc-status.
const ANSWERS: Record<string, { headers: http2.OutgoingHttpHeaders; body?: string }> = {
  '/json-200/Echo': { headers: { ':status': 200, 'content-type': 'application/json' }, body: '{"code":14,"message":"Service Unavailable"}' },
  '/json-200-empty/Echo': { headers: { ':status': 200, 'content-type': 'application/json' } },
  '/text-503/Echo': { headers: { ':status': 503, 'content-type': 'text/plain' }, body: 'no healthy upstream' },
};

describe('an HTTP answer that is not gRPC', () => {
  let server: http2.Http2Server;
  let gw: GatewayAddress;
  beforeAll(async () => {
    server = http2.createServer();
    server.on('stream', (stream, headers) => {
      const answer = ANSWERS[String(headers[':path'])] ?? ANSWERS['/json-200/Echo'];
      if (!answer) return;
      stream.respond(answer.headers, { endStream: answer.body === undefined });
      if (answer.body !== undefined) stream.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    gw = { host: '127.0.0.1', port, dialHost: '127.0.0.1', dialPort: port };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('HTTP 200 + JSON is UNKNOWN and says what it was, never RESOURCE_EXHAUSTED', async () => {
    const result = await grpc.send(gw, { service: 'json-200', method: 'Echo' });
    expect(result.code).toBe(2);
    expect(result.nonGrpcAnswer).toBe('not a gRPC response: HTTP 200, content-type application/json, no grpc-status');
    expect(result.transportError).toBeUndefined();
    const mismatches = compareResult(result, { code: 14 }, { call: { method: 'Echo' }, defaultNamespace: NAMESPACE });
    expect(mismatches).toEqual([
      { field: 'code', expected: '14 (Unavailable)', observed: '2 (Unknown, not a gRPC response: HTTP 200, content-type application/json, no grpc-status)' },
    ]);
  });

  it('a bodiless HTTP 200 + JSON is UNKNOWN too', async () => {
    const result = await grpc.send(gw, { service: 'json-200-empty', method: 'Echo' });
    expect(result.code).toBe(2);
    expect(result.nonGrpcAnswer).toBe('not a gRPC response: HTTP 200, content-type application/json, no grpc-status');
  });

  it('a bare HTTP 503 keeps its mapping, UNAVAILABLE, and is named', async () => {
    const result = await grpc.send(gw, { service: 'text-503', method: 'Echo' });
    expect(result.code).toBe(14);
    expect(result.nonGrpcAnswer).toBe('not a gRPC response: HTTP 503, content-type text/plain, no grpc-status');
    expect(compareResult(result, { code: 14 }, { call: { method: 'Echo' }, defaultNamespace: NAMESPACE })).toEqual([]);
  });
});
