import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';

export type StreamHandler = (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, rawHeaders: string[]) => void;

export interface Listener {
  readonly port: number;
  /** Stops accepting, closes sessions gracefully (GOAWAY), resolves once every session is gone. */
  close(): Promise<void>;
}

// Bounds how long a peer that never reads may keep a closing session open.
const SESSION_CLOSE_GRACE_MS = 2000;

/** Binds an HTTP/2 server (h2c, or TLS with ALPN h2 only) on host:port and routes every stream to `onStream`. */
export async function listen(
  host: string,
  port: number,
  tls: { certPem: string; keyPem: string } | undefined,
  onStream: StreamHandler,
): Promise<Listener> {
  const server = tls
    ? http2.createSecureServer({ cert: tls.certPem, key: tls.keyPem, ALPNProtocols: ['h2'], allowHTTP1: false })
    : http2.createServer();
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.on('error', () => undefined);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, _flags: number, rawHeaders: string[]) =>
    onStream(stream, headers, rawHeaders),
  );
  // A TLS client that fails the handshake must not crash the pod.
  server.on('tlsClientError', () => undefined);
  server.on('sessionError', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;

  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) {
          session.close();
          setTimeout(() => session.destroy(), SESSION_CLOSE_GRACE_MS).unref();
        }
      }),
  };
}
