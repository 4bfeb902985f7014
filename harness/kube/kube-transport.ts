import https from 'node:https';
import type { DirectCredentials } from './kubeconfig-view.ts';

/** One HTTP request to the API server, with everything but credentials. */
export interface KubeHttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Full URL including the query. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
}

export interface KubeHttpResponse {
  readonly status: number;
  text(): Promise<string>;
  /** The body as it arrives (watch streams). */
  chunks(): AsyncIterable<Uint8Array>;
}

/** Sends requests with the context's credentials over kept-alive connections. */
export interface KubeTransport {
  send(request: KubeHttpRequest): Promise<KubeHttpResponse>;
}

/**
 * Node's HTTPS client with one keep-alive agent, for contexts whose credentials are plain data
 * (bearer token, client certificate, CA): no plugin to run, so no client library to load.
 */
export class DirectTransport implements KubeTransport {
  readonly #agent: https.Agent;
  readonly #token?: string;

  constructor(credentials: DirectCredentials) {
    this.#agent = new https.Agent({
      keepAlive: true,
      ...(credentials.caPem ? { ca: credentials.caPem } : {}),
      ...(credentials.certPem ? { cert: credentials.certPem, key: credentials.keyPem } : {}),
      ...(credentials.tlsServerName ? { servername: credentials.tlsServerName } : {}),
      rejectUnauthorized: !credentials.insecureSkipTlsVerify,
    });
    if (credentials.token) this.#token = credentials.token;
  }

  async send(request: KubeHttpRequest): Promise<KubeHttpResponse> {
    try {
      return await this.#sendOnce(request);
    } catch (error) {
      // A kept-alive socket the server closed while idle fails before the request reached it; Node's
      // documented remedy is to send again once on a fresh socket. Any other failure is reported.
      if (!(error instanceof StaleSocketError)) throw error;
      return this.#sendOnce(request).catch((again: unknown) => {
        throw again instanceof StaleSocketError ? again.original : again;
      });
    }
  }

  #sendOnce(request: KubeHttpRequest): Promise<KubeHttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...request.headers };
      if (this.#token) headers['Authorization'] = `Bearer ${this.#token}`;
      if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
      const req = https.request(request.url, { method: request.method, headers, agent: this.#agent, signal: request.signal }, (res) => {
        resolve({
          status: res.statusCode ?? 0,
          text: async () => {
            const parts: Buffer[] = [];
            for await (const chunk of res) parts.push(chunk as Buffer);
            return Buffer.concat(parts).toString('utf8');
          },
          chunks: () => res,
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
        reject(stale ? new StaleSocketError(error) : error);
      });
      req.end(request.body);
    });
  }
}

/** The request went out on a reused keep-alive socket that the server had already closed. */
class StaleSocketError extends Error {
  constructor(readonly original: Error) {
    super(original.message, { cause: original });
    this.name = 'StaleSocketError';
  }
}
