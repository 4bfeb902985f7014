import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGrpcHelpers } from '../../harness/grpc/helpers.ts';
import { ECHO_PLUS_SERVICE } from '../../harness/grpc/types.ts';
import type { GatewayAddress } from '../../harness/kube/types.ts';
import { createCertificateAuthority, createLeafCertificate } from '../../harness/tls/certificates.ts';
import { NAMESPACE, TEST_TIMEOUTS, startBackend } from './support/echo-backend.ts';

/** A TCP relay in front of the backend that counts connections and can refuse the next few. */
async function startRelay(target: GatewayAddress): Promise<{ gw: GatewayAddress; connections: () => number; refuseNext: (n: number) => void; stop: () => Promise<void> }> {
  let accepted = 0;
  let refuse = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (refuse > 0) {
      refuse -= 1;
      socket.destroy();
      return;
    }
    accepted += 1;
    const upstream = net.connect(target.dialPort, target.dialHost);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    gw: { host: target.host, port: target.port, dialHost: '127.0.0.1', dialPort: port },
    connections: () => accepted,
    refuseNext: (n) => void (refuse = n),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('per-case channels', () => {
  const grpc = createGrpcHelpers({ timeouts: TEST_TIMEOUTS, infraNamespace: NAMESPACE });
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let tlsRelay: Awaited<ReturnType<typeof startRelay>>;
  let caPem: string;

  beforeAll(async () => {
    const ca = await createCertificateAuthority('test CA');
    caPem = ca.certPem;
    const leaf = await createLeafCertificate(ca, { commonName: 'abc.example.com', subjectAltNames: ['abc.example.com'] });
    backend = await startBackend({ httpsPort: 0, tls: leaf });
  });
  beforeEach(async () => {
    [relay, tlsRelay] = await Promise.all([startRelay(backend.gw), startRelay(backend.tlsGw!)]);
    return async () => {
      await Promise.all([relay.stop(), tlsRelay.stop()]);
    };
  });
  afterAll(async () => backend.server.stop());

  it('expectEventually sends every attempt of a case over one connection', async () => {
    await grpc.expectEventually(relay.gw, { call: { method: 'Echo' }, expect: { backend: 'grpc-infra-backend-v1' } }, { successes: 5 });
    expect(relay.connections()).toBe(1);
  });

  it('send() keeps one channel per call', async () => {
    await grpc.send(relay.gw, { method: 'Echo' });
    await grpc.send(relay.gw, { method: 'Echo' });
    expect(relay.connections()).toBe(2);
  });

  it('a failed attempt dials afresh; a transport failure does not leave the case in reconnect backoff', async () => {
    relay.refuseNext(2);
    const started = performance.now();
    const result = await grpc.expectEventually(relay.gw, { call: { method: 'Echo' }, expect: { backend: 'grpc-infra-backend-v1' } });
    expect(result.code).toBe(0);
    // grpc-js's own reconnect backoff starts at 1 s; fresh connections retry at the poll interval.
    expect(performance.now() - started).toBeLessThan(TEST_TIMEOUTS.maxTimeToConsistency);
    expect(relay.connections()).toBe(1);
  });

  it('openChannel shares one connection among concurrent calls until renew(), and probes TLS once per connection', async () => {
    const call = { method: 'Echo', authority: 'abc.example.com', tls: { serverName: 'abc.example.com', ca: caPem } };
    const channel = grpc.openChannel(tlsRelay.gw, call);
    const results = await Promise.all(Array.from({ length: 6 }, () => channel.send(call)));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(results.every((r) => r.tls?.alpnProtocol === 'h2' && r.tls.peerCertificateSubjectAltName === 'DNS:abc.example.com')).toBe(true);
    // The gRPC connection plus one raw TLS probe.
    expect(tlsRelay.connections()).toBe(2);
    channel.renew();
    expect((await channel.send(call)).code).toBe(0);
    expect(tlsRelay.connections()).toBe(4);
    channel.close();
  });

  it('a call with another authority gets a channel of its own', async () => {
    const channel = grpc.openChannel(relay.gw, { authority: 'one.example' });
    const [mine, other] = await Promise.all([channel.send({ method: 'Echo', authority: 'one.example' }), channel.send({ method: 'Echo', authority: 'two.example' })]);
    expect([mine.responses[0]?.authority, other.responses[0]?.authority]).toEqual(['one.example', 'two.example']);
    expect(relay.connections()).toBe(2);
    channel.close();
  });

  it('close() lets a call in flight finish', async () => {
    const call = { service: ECHO_PLUS_SERVICE, method: 'Unary', plus: { delayMs: 150 } };
    const channel = grpc.openChannel(relay.gw, {});
    const pending = channel.send(call);
    await new Promise((resolve) => setImmediate(resolve));
    channel.close();
    expect((await pending).code).toBe(0);
  });
});
