import { once } from 'node:events';
import http2, { type Http2SecureServer, type Http2Server, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { FrameReader, encodeFrame } from './grpc-frames.ts';
import type { TestCertificate } from './test-pki.ts';

/** What the backend saw of one call, also sent back to the client as the (JSON) reply message. */
export interface EchoReply {
  readonly backend: string;
  readonly path: string;
  readonly authority: string;
  /** Raw header fields, in order, repeated fields kept. */
  readonly headers: readonly [string, string][];
  readonly messages: readonly string[];
  readonly alpn?: string;
  readonly serverName?: string;
}

/** A started test backend. */
export interface EchoBackend {
  readonly name: string;
  readonly endpoint: { readonly ip: string; readonly port: number };
  readonly calls: EchoReply[];
  /** Resolves once `count` calls have arrived (headers and full request body). */
  callsReached(count: number): Promise<void>;
  /** Resolves once `count` calls were cancelled before the backend answered them. */
  cancellationsReached(count: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A tiny gRPC backend on raw HTTP/2 (h2c, or TLS with ALPN h2). Behaviour is chosen by the request:
 * - method `ServerStream` answers three messages, `Bidi` echoes every message as it arrives;
 * - metadata `x-echo-status: N` answers trailers-only with grpc-status N;
 * - metadata `x-echo-delay-ms: N` (or option `answerDelayMs`) waits before answering (cancellations are counted).
 * Every answer carries header `x-backend`, custom header `x-resp: r1`, and trailers `x-trailer: t`,
 * `x-trailer-bin` (bytes 0,1,2).
 */
export async function startEchoBackend(
  name: string,
  options: { ip?: string; tls?: TestCertificate; answerDelayMs?: number } = {},
): Promise<EchoBackend> {
  const calls: EchoReply[] = [];
  let cancellations = 0;
  const waiters: (() => void)[] = [];
  const notify = (): void => waiters.splice(0).forEach((wake) => wake());
  const until = (condition: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => (condition() ? resolve() : void waiters.push(check));
      check();
    });

  const server: Http2Server | Http2SecureServer = options.tls
    ? http2.createSecureServer({ cert: options.tls.certPem, key: options.tls.keyPem })
    : http2.createServer();
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: http2.IncomingHttpHeaders, _flags: number, raw?: string[]) =>
    serve(stream, headers, raw ?? []),
  );

  function serve(stream: ServerHttp2Stream, headers: http2.IncomingHttpHeaders, raw: string[]): void {
    stream.on('error', () => undefined);
    const path = String(headers[':path']);
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
    const socket = stream.session?.socket as { alpnProtocol?: string | false; servername?: string | false } | undefined;
    const reply = (messages: string[]): EchoReply => ({
      backend: name,
      path,
      authority: String(headers[':authority']),
      headers: pairs,
      messages,
      ...(options.tls ? { alpn: String(socket?.alpnProtocol), serverName: String(socket?.servername) } : {}),
    });
    const responseHeaders = { ':status': 200, 'content-type': 'application/grpc', 'x-backend': name, 'x-resp': 'r1' };
    const trailers = { 'grpc-status': '0', 'x-trailer': 't', 'x-trailer-bin': Buffer.from([0, 1, 2]).toString('base64') };
    const messages: string[] = [];
    const reader = new FrameReader();
    let answered = false;
    stream.on('close', () => {
      if (!answered) {
        cancellations += 1;
        notify();
      }
    });

    if (path.endsWith('/Bidi')) {
      answered = true;
      stream.respond(responseHeaders, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers(trailers));
      stream.on('data', (chunk: Buffer) => {
        for (const message of reader.push(chunk)) stream.write(encodeFrame(Buffer.from(`echo:${message.toString()}`)));
      });
      stream.on('end', () => {
        calls.push(reply(messages));
        notify();
        stream.end();
      });
      return;
    }

    stream.on('data', (chunk: Buffer) => messages.push(...reader.push(chunk).map((m) => m.toString())));
    stream.on('end', () => {
      const seen = reply(messages);
      calls.push(seen);
      notify();
      const answer = (): void => {
        if (stream.closed) return;
        answered = true;
        const status = headers['x-echo-status'];
        if (status !== undefined) {
          stream.respond(
            { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(status), 'grpc-message': 'from%20backend', 'x-trailer': 'only' },
            { endStream: true },
          );
          return;
        }
        stream.respond(responseHeaders, { waitForTrailers: true });
        stream.on('wantTrailers', () => stream.sendTrailers(trailers));
        const count = path.endsWith('/ServerStream') ? 3 : 1;
        for (let i = 0; i < count; i += 1) stream.write(encodeFrame(Buffer.from(JSON.stringify({ ...seen, index: i }))));
        stream.end();
      };
      const delay = Number(headers['x-echo-delay-ms'] ?? options.answerDelayMs ?? 0);
      if (delay > 0) {
        const timer = setTimeout(answer, delay);
        stream.once('close', () => clearTimeout(timer));
      } else answer();
    });
  }

  server.listen(0, options.ip ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    name,
    endpoint: { ip: address.address, port: address.port },
    calls,
    callsReached: (count) => until(() => calls.length >= count),
    cancellationsReached: (count) => until(() => cancellations >= count),
    stop: () =>
      new Promise((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
