import http from 'node:http';
import https from 'node:https';
import { KubeApiError } from './errors.ts';
import type { ClusterConnection } from './kubeconfig.ts';

/** Identifies a REST collection: core group is `''`. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

export interface ObjectList<T> {
  readonly items: T[];
  readonly metadata: { readonly resourceVersion?: string };
}

/** A long-running watch request; `done` settles when the server ends the stream or it is aborted. */
export interface WatchStream {
  readonly done: Promise<void>;
  abort(): void;
}

/** A minimal Kubernetes REST client: JSON over HTTP(S) with bearer token, client cert or basic auth. */
export class KubeRestClient {
  private readonly agent: http.Agent;
  private readonly isHttps: boolean;
  private readonly open = new Set<http.ClientRequest>();

  constructor(private readonly connection: ClusterConnection) {
    this.isHttps = connection.server.startsWith('https:');
    this.agent = this.isHttps
      ? new https.Agent({
          keepAlive: true,
          ca: connection.caPem,
          cert: connection.clientCertPem,
          key: connection.clientKeyPem,
          rejectUnauthorized: !connection.insecureSkipTlsVerify,
          servername: connection.tlsServerName,
        })
      : new http.Agent({ keepAlive: true });
  }

  /** Collection or object path, e.g. `/apis/gateway.networking.k8s.io/v1/namespaces/ns/grpcroutes/name/status`. */
  static path(type: ResourceType, namespace?: string, name?: string, subresource?: string): string {
    let p = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
    if (type.namespaced && namespace !== undefined) p += `/namespaces/${encodeURIComponent(namespace)}`;
    p += `/${type.plural}`;
    if (name !== undefined) p += `/${encodeURIComponent(name)}`;
    if (subresource !== undefined) p += `/${subresource}`;
    return p;
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  list<T>(path: string): Promise<ObjectList<T>> {
    return this.json<ObjectList<T>>('GET', path);
  }

  create<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('POST', path, body);
  }

  /** PUT: with `metadata.resourceVersion` set this is an optimistic-concurrency read-modify-write. */
  replace<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('PUT', path, body);
  }

  mergePatch<T>(path: string, patch: unknown): Promise<T> {
    return this.json<T>('PATCH', path, patch, 'application/merge-patch+json');
  }

  /** `options` is a DeleteOptions body (grace period, preconditions), sent only when given. */
  delete(path: string, options?: unknown): Promise<unknown> {
    return this.json('DELETE', path, options);
  }

  /** Starts a watch; `onEvent` gets each parsed JSON line. Non-2xx answers reject `done` with KubeApiError. */
  watch(path: string, query: Record<string, string>, onEvent: (event: unknown) => void): WatchStream {
    const search = new URLSearchParams({ ...query, watch: '1' }).toString();
    let request: http.ClientRequest | undefined;
    const done = new Promise<void>((resolvePromise, reject) => {
      request = this.send('GET', `${path}?${search}`, undefined, undefined, (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          collect(res).then((body) => reject(new KubeApiError(res.statusCode ?? 0, 'WATCH', path, body)), reject);
          return;
        }
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let newline: number;
          while ((newline = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, newline).trim();
            buffered = buffered.slice(newline + 1);
            if (line) onEvent(JSON.parse(line));
          }
        });
        res.on('end', () => resolvePromise());
        res.on('error', () => resolvePromise());
        res.on('close', () => resolvePromise());
      });
      request.on('error', (cause) => reject(new KubeApiError(0, 'WATCH', path, String(cause), { cause })));
    });
    return { done, abort: () => request?.destroy() };
  }

  /** Ends open requests (watches included) and idle connections. */
  close(): void {
    for (const request of this.open) request.destroy();
    this.agent.destroy();
  }

  private json<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = this.send(method, path, payload, contentType, (res) => {
        collect(res).then((text) => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(new KubeApiError(status, method, path, text));
          try {
            resolvePromise((text ? JSON.parse(text) : {}) as T);
          } catch (cause) {
            reject(new KubeApiError(status, method, path, `unparsable body: ${text.slice(0, 100)}`, { cause }));
          }
        }, reject);
      });
      request.on('error', (cause) => reject(new KubeApiError(0, method, path, String(cause), { cause })));
    });
  }

  private send(
    method: string,
    path: string,
    payload: string | undefined,
    contentType: string | undefined,
    onResponse: (res: http.IncomingMessage) => void,
  ): http.ClientRequest {
    const url = new URL(this.connection.server + path);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.connection.token) headers.authorization = `Bearer ${this.connection.token}`;
    else if (this.connection.basicAuth) {
      const { username, password } = this.connection.basicAuth;
      headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    if (payload !== undefined) {
      headers['content-type'] = contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const options = { method, headers, agent: this.agent };
    const request = this.isHttps ? https.request(url, options, onResponse) : http.request(url, options, onResponse);
    this.open.add(request);
    request.on('close', () => this.open.delete(request));
    request.end(payload);
    return request;
  }
}

function collect(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}
