import { createHash } from 'node:crypto';
import http2, { type ClientHttp2Session, type ClientHttp2Stream, type OutgoingHttpHeaders } from 'node:http2';

/** TLS towards a backend (from a BackendTLSPolicy). */
export interface UpstreamTls {
  readonly caPem: string;
  readonly hostname: string;
}

export interface UpstreamEndpoint {
  readonly ip: string;
  readonly port: number;
}

const tlsKeys = new WeakMap<UpstreamTls, string>();

function tlsKey(tls: UpstreamTls): string {
  let key = tlsKeys.get(tls);
  if (key === undefined) {
    key = `${tls.hostname}|${createHash('sha256').update(tls.caPem).digest('hex').slice(0, 16)}`;
    tlsKeys.set(tls, key);
  }
  return key;
}

/** Identity of a pooled session: one per endpoint and TLS parameters. */
export function upstreamKey(endpoint: UpstreamEndpoint, tls: UpstreamTls | undefined): string {
  const base = `${endpoint.ip}:${endpoint.port}`;
  return tls ? `${base}|tls|${tlsKey(tls)}` : base;
}

function authorityOf(endpoint: UpstreamEndpoint): string {
  return endpoint.ip.includes(':') ? `[${endpoint.ip}]:${endpoint.port}` : `${endpoint.ip}:${endpoint.port}`;
}

/**
 * One client HTTP/2 session per backend endpoint (h2c with prior knowledge, or TLS with ALPN h2), reused by
 * every RPC and replaced after it closes, fails or receives GOAWAY.
 */
export class UpstreamPool {
  readonly #sessions = new Map<string, ClientHttp2Session>();

  /** Opens a stream; the caller owns its errors (a failed connect surfaces as an 'error' on the stream). */
  request(endpoint: UpstreamEndpoint, tls: UpstreamTls | undefined, headers: OutgoingHttpHeaders): ClientHttp2Stream {
    return this.#session(endpoint, tls).request(headers, { endStream: false });
  }

  /** Closes sessions to endpoints that are no longer configured. */
  retain(keys: ReadonlySet<string>): void {
    for (const [key, session] of this.#sessions) {
      if (keys.has(key)) continue;
      this.#sessions.delete(key);
      session.close();
    }
  }

  close(): void {
    for (const session of this.#sessions.values()) session.destroy();
    this.#sessions.clear();
  }

  #session(endpoint: UpstreamEndpoint, tls: UpstreamTls | undefined): ClientHttp2Session {
    const key = upstreamKey(endpoint, tls);
    const existing = this.#sessions.get(key);
    if (existing && !existing.closed && !existing.destroyed) return existing;
    const session = tls
      ? http2.connect(`https://${authorityOf(endpoint)}`, { ca: tls.caPem, servername: tls.hostname, ALPNProtocols: ['h2'] })
      : http2.connect(`http://${authorityOf(endpoint)}`);
    const forget = (): void => {
      if (this.#sessions.get(key) === session) this.#sessions.delete(key);
    };
    session.on('error', forget);
    session.on('goaway', forget);
    session.on('close', forget);
    this.#sessions.set(key, session);
    return session;
  }
}
