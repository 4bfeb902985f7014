import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrpcHelpers } from '../../harness/grpc/helpers.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE } from '../../harness/grpc/types.ts';
import type { GatewayAddress } from '../../harness/kube/types.ts';
import { NAMESPACE, POD, TEST_TIMEOUTS, startBackend } from './support/echo-backend.ts';

const grpc = createGrpcHelpers({ timeouts: TEST_TIMEOUTS, infraNamespace: NAMESPACE });

describe('echo client', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(async () => backend.server.stop());

  it('sends repeated and -bin metadata and reads the backend assertions', async () => {
    const result = await grpc.send(backend.gw, {
      method: 'Echo',
      metadata: { 'X-Multi': ['one', 'two'], 'x-id-bin': Buffer.from([1, 2, 3]), version: 'two' },
    });
    expect(result.code).toBe(0);
    expect(result.responses).toHaveLength(1);
    const [echo] = result.responses;
    expect(echo?.fullyQualifiedMethod).toBe(`/${ECHO_SERVICE}/Echo`);
    expect(echo?.context).toMatchObject({ pod: POD, namespace: NAMESPACE });
    expect(echo?.headers.filter((h) => h.key === 'x-multi').map((h) => h.value)).toEqual(['one', 'two']);
    expect(echo?.headers.find((h) => h.key === 'x-id-bin')?.value).toBe('AQID');
    expect(result.headers['x-echo-pod']).toEqual([POD]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('defaults :authority to the status address and listener port, while dialing the dial address', async () => {
    const gw: GatewayAddress = { host: '192.0.2.10', port: 80, dialHost: '127.0.0.1', dialPort: backend.server.httpPort };
    const byDefault = await grpc.send(gw, { method: 'Echo' });
    expect(byDefault.responses[0]?.authority).toBe('192.0.2.10:80');
    const perCall = await Promise.all(['bar.com', 'foo.bar.com'].map((authority) => grpc.send(gw, { method: 'Echo', authority })));
    expect(perCall.map((r) => r.responses[0]?.authority)).toEqual(['bar.com', 'foo.bar.com']);
  });

  it('returns a non-OK status as data, with the pod identity from a trailers-only answer', async () => {
    const result = await grpc.send(backend.gw, { service: 'com.example.User', method: 'Login' });
    expect(result).toMatchObject({ code: 12, details: 'unknown service com.example.User', responses: [] });
    expect(result.trailers['x-echo-pod']).toEqual([POD]);
    expect(result.transportError).toBeUndefined();
  });

  it('reports a connection failure as UNAVAILABLE with transportError', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const result = await grpc.send({ host: '127.0.0.1', port: closedPort, dialHost: '127.0.0.1', dialPort: closedPort }, { method: 'Echo' });
    expect(result.code).toBe(14);
    expect(result.transportError).toMatch(/ECONNREFUSED|No connection/);
  });

  it('applies the per-call deadline', async () => {
    const result = await grpc.send(backend.gw, { service: ECHO_PLUS_SERVICE, method: 'Unary', deadlineMs: 100, plus: { delayMs: 2000 } });
    expect(result.code).toBe(4);
    expect(result.elapsedMs).toBeLessThan(1500);
  });

  it('EchoPlus unary: requested status, headers and trailers (-bin included) come back', async () => {
    const result = await grpc.send(backend.gw, {
      service: ECHO_PLUS_SERVICE,
      method: 'Unary',
      plus: {
        requestId: 'req-1',
        statusCode: 9,
        statusMessage: 'precondition',
        responseHeaders: { 'x-h': 'v', 'x-h-bin': Buffer.from([255]) },
        responseTrailers: { 'x-t': ['a', 'b'] },
      },
    });
    expect(result).toMatchObject({ code: 9, details: 'precondition' });
    expect(result.headers['x-h']).toEqual(['v']);
    expect(result.headers['x-h-bin']).toEqual(['/w==']);
    expect(result.headers['x-echo-pod']).toEqual([POD]);
    expect(result.trailers['x-t']).toEqual(['a, b']);
  });

  it('server streaming, client streaming and ping-pong bidi through EchoPlus', async () => {
    const server = await grpc.serverStream(backend.gw, { method: 'ignored', plus: { requestId: 's', count: 4 } });
    expect(server.code).toBe(0);
    expect(server.responses).toHaveLength(4);
    expect(server.plus?.map((p) => p.sequence)).toEqual([0, 1, 2, 3]);
    expect(server.responses[0]?.fullyQualifiedMethod).toBe(`/${ECHO_PLUS_SERVICE}/ServerStream`);

    const client = await grpc.clientStream(backend.gw, { method: 'ignored', plus: { requestId: 'c', count: 5 } });
    expect(client.plus).toEqual([{ requestId: 'c', sequence: 0, received: 5 }]);

    const bidi = await grpc.bidiStream(backend.gw, { method: 'ignored', plus: { requestId: 'b', count: 3 } });
    expect(bidi.code).toBe(0);
    expect(bidi.plus?.map((p) => p.received)).toEqual([1, 2, 3]);
  });

  it('lists services with reflection v1', async () => {
    const services = await grpc.reflectionListServices(backend.gw, {});
    expect(services).toEqual(expect.arrayContaining([ECHO_SERVICE, ECHO_PLUS_SERVICE]));
  });
});
