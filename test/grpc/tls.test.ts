import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrpcHelpers } from '../../harness/grpc/helpers.ts';
import { createCertificateAuthority, createLeafCertificate } from '../../harness/tls/certificates.ts';
import { NAMESPACE, TEST_TIMEOUTS, startBackend } from './support/echo-backend.ts';

const grpc = createGrpcHelpers({ timeouts: TEST_TIMEOUTS, infraNamespace: NAMESPACE });

describe('echo client over TLS', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let caPem: string;
  let otherCaPem: string;
  beforeAll(async () => {
    const ca = await createCertificateAuthority('test CA');
    otherCaPem = (await createCertificateAuthority('unrelated CA')).certPem;
    caPem = ca.certPem;
    const leaf = await createLeafCertificate(ca, { commonName: 'abc.example.com', subjectAltNames: ['abc.example.com', 'other.example.com'] });
    backend = await startBackend({ httpsPort: 0, tls: leaf });
  });
  afterAll(async () => backend.server.stop());

  it('sends SNI, negotiates h2 and reports ALPN, the peer SANs and what the backend saw', async () => {
    const result = await grpc.send(backend.tlsGw!, { method: 'Echo', authority: 'abc.example.com', tls: { serverName: 'other.example.com', ca: caPem } });
    expect(result.code).toBe(0);
    expect(result.tls?.alpnProtocol).toBe('h2');
    expect(result.tls?.peerCertificateSubjectAltName).toContain('DNS:abc.example.com');
    expect(result.responses[0]?.authority).toBe('abc.example.com');
    expect(result.responses[0]?.tlsAssertions).toMatchObject({ serverName: 'other.example.com', negotiatedProtocol: 'h2', version: 'TLSv1.3' });
  });

  it('a certificate the CA did not sign is a transport failure', async () => {
    const result = await grpc.send(backend.tlsGw!, { method: 'Echo', tls: { serverName: 'abc.example.com', ca: otherCaPem } });
    expect(result.code).toBe(14);
    expect(result.transportError).toBeDefined();
    expect(result.tls?.alpnProtocol).toBe('h2');
  });

  it('an SNI the certificate does not cover fails verification', async () => {
    const result = await grpc.send(backend.tlsGw!, { method: 'Echo', tls: { serverName: 'nope.example.com', ca: caPem } });
    expect(result.code).toBe(14);
  });

  it('an ALPN offer without h2 is reported as not negotiated', async () => {
    const result = await grpc.send(backend.tlsGw!, { method: 'Echo', tls: { serverName: 'abc.example.com', ca: caPem, alpn: ['http/1.1'] } });
    expect(result.tls?.alpnProtocol).toBe(false);
  });

  it('the alpn expectation passes and fails on what was negotiated', async () => {
    const c = { call: { method: 'Echo', tls: { serverName: 'abc.example.com', ca: caPem } }, expect: { alpn: 'h2' } } as const;
    await expect(grpc.expectEventually(backend.tlsGw!, c, { successes: 1 })).resolves.toMatchObject({ code: 0 });
    await expect(grpc.expectEventually(backend.tlsGw!, { ...c, expect: { alpn: 'http/1.1' } }, { successes: 1, timeoutMs: 200 })).rejects.toThrow(/alpn/);
  });

  it('the certificateFor expectation reads the SANs of the handshake', async () => {
    const c = { call: { method: 'Echo', tls: { serverName: 'abc.example.com', ca: caPem } }, expect: { certificateFor: 'abc.example.com' } } as const;
    await expect(grpc.expectEventually(backend.tlsGw!, c, { successes: 1 })).resolves.toMatchObject({ code: 0 });
    await expect(grpc.expectEventually(backend.tlsGw!, { ...c, expect: { certificateFor: 'one.sni.example' } }, { successes: 1, timeoutMs: 200 })).rejects.toThrow(/certificate/);
  });
});
