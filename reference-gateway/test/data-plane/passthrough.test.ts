import http2 from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPlane } from '../../src/data-plane/index.ts';
import { backendOf, configOf, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.ts';
import { encodeFrame } from './support/grpc-frames.ts';
import { TestClient, grpc } from './support/grpc-client.ts';
import { dataPlaneWith, gatewayAddress } from './support/test-gateway.ts';

describe('data plane: forwarding is transparent', () => {
  let v1: EchoBackend;
  let plane: DataPlane;
  let client: TestClient;
  let target: string;

  beforeAll(async () => {
    v1 = await startEchoBackend('v1');
    const { address, port } = await gatewayAddress();
    target = `${address}:${port}`;
    ({ plane } = dataPlaneWith());
    await plane.apply(configOf(address, [listenerOf('all', port, [routeOf('ns/all', [ruleOf(0, { backends: [backendOf([v1])] })])])]));
    client = new TestClient(target, { authority: 'svc.example:443' });
  });

  afterAll(async () => {
    client.close();
    await plane.stop();
    await v1.stop();
  });

  it('passes :path, :authority, repeated and -bin metadata to the backend', async () => {
    const result = await client.unary('/pkg.Svc/Echo', { 'x-many': ['a', 'b'], 'x-data-bin': Buffer.from([1, 2, 250]) });
    expect(result.code).toBe(grpc.status.OK);
    const reply = result.replies[0]!;
    expect(reply.path).toBe('/pkg.Svc/Echo');
    expect(reply.authority).toBe('svc.example:443');
    expect(reply.headers.filter(([name]) => name === 'x-many').map(([, value]) => value)).toEqual(['a', 'b']);
    const bin = reply.headers.find(([name]) => name === 'x-data-bin')?.[1];
    expect(Buffer.from(bin ?? '', 'base64')).toEqual(Buffer.from([1, 2, 250]));
    expect(reply.headers.some(([name]) => name === 'te')).toBe(true);
  });

  it('passes response headers and custom and -bin trailers back', async () => {
    const result = await client.unary('/pkg.Svc/Echo');
    expect(result.headers?.get('x-resp')).toEqual(['r1']);
    expect(result.trailers.get('x-trailer')).toEqual(['t']);
    expect(result.trailers.get('x-trailer-bin')).toEqual([Buffer.from([0, 1, 2])]);
  });

  it("passes a backend's trailers-only answer through unchanged", async () => {
    const result = await client.unary('/pkg.Svc/Echo', { 'x-echo-status': '7' });
    expect(result.code).toBe(grpc.status.PERMISSION_DENIED);
    expect(result.details).toBe('from backend');
    expect(result.trailers.get('x-trailer')).toEqual(['only']);
  });

  it('streams server-streaming, client-streaming and bidi calls', async () => {
    const server = await client.stream('/pkg.Svc/ServerStream', ['one']);
    expect(server.code).toBe(grpc.status.OK);
    expect(server.replies.map((r) => (r as unknown as { index: number }).index)).toEqual([0, 1, 2]);

    const clientStream = await client.stream('/pkg.Svc/Collect', ['a', 'b', 'c']);
    expect(clientStream.replies[0]?.messages).toEqual(['a', 'b', 'c']);

    const bidi = await client.stream('/pkg.Svc/Bidi', ['x', 'y']);
    expect(bidi.code).toBe(grpc.status.OK);
    expect(bidi.replies.map((r) => r.messages[0])).toEqual(['echo:x', 'echo:y']);
  });

  it('bidi replies flow before the client half-closes (piped, not buffered)', async () => {
    const session = http2.connect(`http://${target}`);
    const stream = session.request({ ':method': 'POST', ':path': '/pkg.Svc/Bidi', 'content-type': 'application/grpc', te: 'trailers' });
    stream.write(encodeFrame(Buffer.from('ping')));
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    expect(first.subarray(5).toString()).toBe('echo:ping');
    stream.end();
    await new Promise((resolve) => stream.on('close', resolve));
    session.close();
  });

  it('answers DEADLINE_EXCEEDED itself when grpc-timeout passes, and cancels the backend call', async () => {
    const cancelledBefore = 0;
    const session = http2.connect(`http://${target}`);
    const stream = session.request({
      ':method': 'POST',
      ':path': '/pkg.Svc/Slow',
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-timeout': '100m',
      'x-echo-delay-ms': '5000',
    });
    stream.end(encodeFrame(Buffer.from('hi')));
    const started = performance.now();
    const headers = await new Promise<http2.IncomingHttpHeaders>((resolve) => stream.on('response', resolve));
    const elapsed = performance.now() - started;
    await new Promise((resolve) => stream.on('close', resolve));
    session.close();
    expect(headers['grpc-status']).toBe('4');
    expect(elapsed).toBeLessThan(2_000);
    await v1.cancellationsReached(cancelledBefore + 1);
  });

  it('cancels the backend call when the client cancels', async () => {
    const calls = v1.calls.length;
    const session = http2.connect(`http://${target}`);
    const stream = session.request({ ':method': 'POST', ':path': '/pkg.Svc/Slow', 'content-type': 'application/grpc', 'x-echo-delay-ms': '5000' });
    stream.on('error', () => undefined);
    stream.end(encodeFrame(Buffer.from('hi')));
    await v1.callsReached(calls + 1);
    stream.close(http2.constants.NGHTTP2_CANCEL);
    await v1.cancellationsReached(2);
    session.close();
  });
});
