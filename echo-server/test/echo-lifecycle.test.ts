import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEchoServer } from '../src/index.ts';
import { decodePlus, encodePlus, startTestEcho } from './support/echo-fixture.ts';
import { grpcCall } from './support/grpc-call.ts';

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('lifecycle', () => {
  it('starts many servers quickly and stop() releases their ports', async () => {
    await (await startTestEcho()).server.stop(); // protos are parsed once per process; measure after that
    const started = performance.now();
    const servers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => startEchoServer({ host: '127.0.0.1', httpPort: 0, env: { POD_NAME: `pod-${i}`, NAMESPACE: 'ns' }, log: () => undefined })),
    );
    expect(performance.now() - started).toBeLessThan(400);
    const ports = servers.map((s) => s.httpPort);
    expect(new Set(ports).size).toBe(8);
    await Promise.all(servers.map((s) => s.stop()));
    for (const port of ports) expect(await canConnect(port)).toBe(false);
  });

  it('stop() ends in-flight calls with UNAVAILABLE instead of hanging', async () => {
    const fx = await startTestEcho();
    const pending = grpcCall(fx.server.httpPort, '/grpcroute_conformance.echo.v1.EchoPlus/Unary', 'unary', [encodePlus({ requestId: 'x', delayMs: 10_000 })], decodePlus);
    await expect.poll(() => canConnect(fx.server.httpPort)).toBe(true);
    // The call is in flight once the server saw its stream; stop must not wait for the delay.
    await new Promise((r) => setImmediate(r));
    const stopping = fx.server.stop();
    const result = await pending;
    await stopping;
    expect([14, 1]).toContain(result.code);
  });

  it('a port already in use fails with a coded error', async () => {
    const fx = await startTestEcho();
    await expect(startEchoServer({ host: '127.0.0.1', httpPort: fx.server.httpPort, env: { POD_NAME: 'p', NAMESPACE: 'n' } })).rejects.toMatchObject({
      code: 'ECHO_SERVER_START_FAILED',
    });
    await fx.server.stop();
  });
});
