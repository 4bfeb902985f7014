import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEcho, encodeEmpty, startTestEcho } from './support/echo-fixture.ts';
import type { EchoFixture } from './support/echo-fixture.ts';
import { grpcCall } from './support/grpc-call.ts';
import { createServerCertificate } from './support/test-pki.ts';
import type { TestServerCertificate } from './support/test-pki.ts';

describe('TLS port', () => {
  let fx: EchoFixture;
  let cert: TestServerCertificate;
  beforeAll(async () => {
    cert = await createServerCertificate(['abc.example.com', 'other.example.com']);
    fx = await startTestEcho({ httpsPort: 0, tls: { certPem: cert.certPem, keyPem: cert.keyPem } });
  });
  afterAll(async () => fx.server.stop());

  it('serves gRPC over TLS and reports version, ALPN, SNI and cipher in tls_assertions', async () => {
    expect(fx.server.httpsPort).toBeGreaterThan(0);
    const result = await grpcCall(fx.server.httpsPort!, '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo', 'unary', [encodeEmpty()], decodeEcho, {
      tls: { caPem: cert.caPem, serverName: 'other.example.com' },
    });
    expect(result.code).toBe(0);
    const { tlsAssertions } = (result.messages[0] as { assertions: { tlsAssertions: Record<string, unknown> } }).assertions;
    expect(tlsAssertions).toMatchObject({ version: 'TLSv1.3', negotiatedProtocol: 'h2', serverName: 'other.example.com' });
    expect(tlsAssertions.cipherSuite).toMatch(/^TLS_/);
    expect(fx.logs.at(-1)).toMatchObject({ tls: true });
  });

  it('negotiates only h2 by ALPN', async () => {
    const alpn = await new Promise<string | false>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: fx.server.httpsPort!, servername: 'abc.example.com', ca: cert.caPem, ALPNProtocols: ['h2', 'http/1.1'] });
      socket.once('secureConnect', () => {
        resolve(socket.alpnProtocol ?? false);
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(alpn).toBe('h2');
  });

  it('still serves h2c on the plaintext port', async () => {
    const result = await grpcCall(fx.server.httpPort, '/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo', 'unary', [encodeEmpty()], decodeEcho);
    expect(result.code).toBe(0);
    expect((result.messages[0] as { assertions: { tlsAssertions: unknown } }).assertions.tlsAssertions).toBeNull();
  });
});
