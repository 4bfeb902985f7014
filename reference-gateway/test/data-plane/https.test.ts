import http2 from 'node:http2';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataPlane } from '../../src/data-plane/index.ts';
import type { DataPlaneConfig } from '../../src/model/data-plane-config.ts';
import { backendOf, configOf, listenerOf, routeOf, ruleOf } from './support/config-builders.ts';
import { startEchoBackend, type EchoBackend } from './support/echo-backend.ts';
import { TestClient, grpc } from './support/grpc-client.ts';
import { gatewayAddress } from './support/test-gateway.ts';
import { createTestPki, type TestPki } from './support/test-pki.ts';

// Subject alternative names the gateway presented for `serverName`, or the handshake error.
function presentedNames(address: string, port: number, serverName: string, caPem: string): Promise<{ names?: string; alpn?: string | false | null; error?: string }> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: address, port, servername: serverName, ca: caPem, ALPNProtocols: ['h2'], rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      resolve({ names: socket.getPeerCertificate().subjectaltname ?? '', alpn: socket.alpnProtocol });
      socket.destroy();
    });
    socket.once('error', (error) => resolve({ error: error.message }));
  });
}

describe('data plane: HTTPS listeners (SNI, ALPN h2) and TLS to backends', () => {
  let pki: TestPki;
  let v1: EchoBackend, v2: EchoBackend, secure: EchoBackend;
  let config: DataPlaneConfig;
  let address: string, port: number;
  let plane: DataPlane | undefined;

  /** (Re)starts the gateway on the same address and port, with the given faults. */
  const start = async (faults: string[] = []): Promise<void> => {
    await plane?.stop();
    plane = new DataPlane({ faults: new Set(faults) });
    await plane.apply(config);
  };
  const client = (serverName: string): TestClient =>
    new TestClient(`${address}:${port}`, { authority: serverName, tls: { caPem: pki.caPem, serverName } });

  beforeAll(async () => {
    pki = await createTestPki();
    const [one, two, wild, fallback, backendCert] = await Promise.all([
      pki.issue(['one.sni.example']),
      pki.issue(['two.sni.example']),
      pki.issue(['*.wild.example']),
      pki.issue(['default.example']),
      pki.issue(['backend.example']),
    ]);
    [v1, v2] = await Promise.all([startEchoBackend('v1'), startEchoBackend('v2')]);
    secure = await startEchoBackend('secure', { tls: backendCert });
    ({ address, port } = await gatewayAddress());
    const https = { protocol: 'HTTPS' as const };
    config = configOf(address, [
      listenerOf('one', port, [routeOf('ns/one', [ruleOf(0, { backends: [backendOf([v1])] })])], { ...https, hostname: 'one.sni.example', certificates: [one] }),
      listenerOf('two', port, [routeOf('ns/two', [ruleOf(0, { backends: [backendOf([v2])] })])], { ...https, hostname: 'two.sni.example', certificates: [two] }),
      listenerOf('wild', port, [
        routeOf('ns/wild', [
          ruleOf(0, { backends: [backendOf([secure], { tls: { caPem: pki.caPem, hostname: 'backend.example' } })] }),
        ]),
      ], { ...https, hostname: '*.wild.example', certificates: [wild] }),
      listenerOf('any', port, [
        routeOf('ns/any', [ruleOf(0, { backends: [backendOf([secure], { tls: { caPem: pki.caPem, hostname: 'wrong.example' } })] })]),
      ], { ...https, certificates: [fallback] }),
    ]);
  });

  afterAll(async () => {
    await plane?.stop();
    await Promise.all([v1, v2, secure].map((b) => b.stop()));
  });

  it('presents the certificate of the listener that best matches the SNI, and negotiates h2', async () => {
    await start();
    expect(await presentedNames(address, port, 'one.sni.example', pki.caPem)).toEqual({ names: 'DNS:one.sni.example', alpn: 'h2' });
    expect((await presentedNames(address, port, 'two.sni.example', pki.caPem)).names).toBe('DNS:two.sni.example');
    expect((await presentedNames(address, port, 'a.b.wild.example', pki.caPem)).names).toBe('DNS:*.wild.example');
    expect((await presentedNames(address, port, 'unknown.example', pki.caPem)).names).toBe('DNS:default.example');
  });

  it('serves gRPC per listener over TLS, and speaks TLS (verified, ALPN h2) to a BackendTLSPolicy backend', async () => {
    const [one, two, wild] = [client('one.sni.example'), client('two.sni.example'), client('x.wild.example')];
    const results = await Promise.all([one.unary('/svc.S/M'), two.unary('/svc.S/M'), wild.unary('/svc.S/M')]);
    [one, two, wild].forEach((c) => c.close());
    expect(results.map((r) => r.replies[0]?.backend)).toEqual(['v1', 'v2', 'secure']);
    expect(results[2]?.replies[0]).toMatchObject({ alpn: 'h2', serverName: 'backend.example', authority: 'x.wild.example' });
  });

  it('answers UNAVAILABLE when the backend certificate does not verify for the policy hostname', async () => {
    const other = client('default.example');
    const result = await other.unary('/svc.S/M');
    other.close();
    expect(result.code).toBe(grpc.status.UNAVAILABLE);
  });

  it('answers 421 when the SNI chose another listener than the :authority (misdirected request)', async () => {
    const session = http2.connect(`https://${address}:${port}`, { ca: pki.caPem, servername: 'one.sni.example' });
    const status = async (authority: string): Promise<unknown> => {
      const stream = session.request({ ':method': 'POST', ':path': '/svc.S/M', ':authority': authority, 'content-type': 'application/grpc', te: 'trailers' });
      stream.end();
      stream.resume();
      const [headers] = await Promise.all([
        new Promise<http2.IncomingHttpHeaders>((resolve) => stream.once('response', resolve)),
        new Promise((resolve) => stream.once('close', resolve)),
      ]);
      return headers[':status'];
    };
    expect(await status('two.sni.example')).toBe(421);
    expect(await status('one.sni.example')).toBe(200);
    session.close();
  });

  it('fault ignore-sni: the first certificate is always presented', async () => {
    await start(['ignore-sni']);
    const names = await presentedNames(address, port, 'two.sni.example', pki.caPem);
    expect(names.names).toBe('DNS:one.sni.example');
  });

  it('fault sni-last-matching-listener: the last matching listener (here the one without a hostname) wins over the exact one', async () => {
    await start(['sni-last-matching-listener']);
    expect((await presentedNames(address, port, 'one.sni.example', pki.caPem)).names).toBe('DNS:default.example');
  });

  it('fault no-alpn-h2: gRPC clients cannot connect', async () => {
    await start(['no-alpn-h2']);
    const one = client('one.sni.example');
    const result = await one.unary('/svc.S/M');
    one.close();
    expect(result.code).toBe(grpc.status.UNAVAILABLE);
  });
});
