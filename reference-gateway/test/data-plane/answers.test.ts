import http2 from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPlane } from '../../src/data-plane/index.ts';
import { backendOf, configOf, exact, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.ts';
import { freePort } from './support/free-port.ts';
import { TestClient, grpc } from './support/grpc-client.ts';
import { dataPlaneWith, gatewayAddress } from './support/test-gateway.ts';

describe('data plane: answers made by the gateway', () => {
  let v1: EchoBackend;
  let plane: DataPlane;
  let client: TestClient;
  let target: string;

  beforeAll(async () => {
    v1 = await startEchoBackend('v1');
    const closedPort = await freePort('127.0.0.1');
    const { address, port } = await gatewayAddress();
    target = `${address}:${port}`;
    ({ plane } = dataPlaneWith());
    const rule = (index: number, method: string, parts: Parameters<typeof ruleOf>[1]) =>
      ruleOf(index, { matches: [exact('svc.Answers', method)], ...parts });
    await plane.apply(
      configOf(address, [
        listenerOf('only', port, [
          routeOf('ns/answers', [
            rule(0, 'NoBackends', {}),
            rule(1, 'Invalid', { backends: [backendOf([], { valid: false })] }),
            rule(2, 'NoEndpoints', { backends: [backendOf([])] }),
            rule(3, 'Unreachable', { backends: [backendOf([], { endpoints: [{ ip: '127.0.0.1', port: closedPort }] })] }),
            rule(4, 'AllZero', { backends: [backendOf([v1], { weight: 0 })] }),
            rule(5, 'Extension', { filters: [{ type: 'UnresolvedExtensionRef', ref: 'example.com/Magic/wand' }], backends: [backendOf([v1])] }),
            rule(6, 'Ok', { backends: [backendOf([v1])] }),
          ]),
        ], { hostname: 'answers.example' }),
      ]),
    );
    client = new TestClient(target, { authority: 'answers.example' });
  });

  afterAll(async () => {
    client.close();
    await plane.stop();
    await v1.stop();
  });

  it.each([
    ['NoBackends', grpc.status.UNIMPLEMENTED],
    ['Invalid', grpc.status.UNAVAILABLE],
    ['NoEndpoints', grpc.status.UNAVAILABLE],
    ['Unreachable', grpc.status.UNAVAILABLE],
    ['AllZero', grpc.status.UNAVAILABLE],
    ['Extension', grpc.status.UNAVAILABLE],
    ['Missing', grpc.status.UNIMPLEMENTED],
    ['Ok', grpc.status.OK],
  ])('%s answers %s', async (method, code) => {
    const result = await client.unary(`/svc.Answers/${method}`);
    expect(result.code).toBe(code);
  });

  it('says why an ExtensionRef failed', async () => {
    const result = await client.unary('/svc.Answers/Extension');
    expect(result.details).toMatch(/ExtensionRef example\.com\/Magic\/wand could not be resolved/);
  });

  it('answers UNIMPLEMENTED when no listener hostname matches', async () => {
    const other = new TestClient(target, { authority: 'elsewhere.example' });
    const result = await other.unary('/svc.Answers/Ok');
    other.close();
    expect(result.code).toBe(grpc.status.UNIMPLEMENTED);
  });

  it('answers trailers-only: :status 200, application/grpc, grpc-status, percent-encoded grpc-message, no body', async () => {
    const session = http2.connect(`http://${target}`);
    const stream = session.request({
      ':method': 'POST',
      ':path': '/svc.Answers/Nope',
      ':authority': 'answers.example',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    stream.end();
    const [headers, flags] = await new Promise<[http2.IncomingHttpHeaders, number]>((resolve) =>
      stream.on('response', (h, f) => resolve([h, f])),
    );
    let body = 0;
    stream.on('data', (chunk: Buffer) => (body += chunk.length));
    await new Promise((resolve) => stream.on('close', resolve));
    session.close();
    expect(flags & http2.constants.NGHTTP2_FLAG_END_STREAM).toBeTruthy();
    expect(headers[':status']).toBe(200);
    expect(headers['content-type']).toBe('application/grpc');
    expect(headers['grpc-status']).toBe('12');
    expect(headers['grpc-message']).toBe('no route of listener only matches /svc.Answers/Nope');
    expect(body).toBe(0);
  });

  it('refuses HTTP/1.1 on an h2c listener without crashing, and keeps serving', async () => {
    const [host, port] = target.split(':') as [string, string];
    const refused = await fetch(`http://${host}:${port}/svc.Answers/Ok`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    expect((await client.unary('/svc.Answers/Ok')).code).toBe(grpc.status.OK);
  });
});
