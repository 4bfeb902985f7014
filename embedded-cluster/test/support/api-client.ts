import { Agent, request } from 'node:https';

export interface ApiResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  // Tests inspect arbitrary JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface WatchEvent {
  readonly type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly object: any;
}

/** Where a test client connects: an EmbeddedCluster satisfies it. */
export interface ApiEndpoint {
  readonly url: string;
  readonly token: string;
  readonly caPem: string;
}

/** A minimal REST client for tests: real HTTPS, real bearer token, JSON in and out. */
export class ApiClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(private readonly cluster: ApiEndpoint, private readonly token = cluster.token) {
    this.base = new URL(cluster.url);
    this.agent = new Agent({ keepAlive: true, ca: cluster.caPem });
  }

  withToken(token: string): ApiClient {
    return new ApiClient(this.cluster, token);
  }

  get(path: string): Promise<ApiResponse> {
    return this.send('GET', path);
  }

  post(path: string, body: unknown): Promise<ApiResponse> {
    return this.send('POST', path, body);
  }

  put(path: string, body: unknown): Promise<ApiResponse> {
    return this.send('PUT', path, body);
  }

  patch(path: string, body: unknown, contentType: string): Promise<ApiResponse> {
    return this.send('PATCH', path, body, contentType);
  }

  delete(path: string): Promise<ApiResponse> {
    return this.send('DELETE', path);
  }

  send(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          agent: this.agent,
          headers: {
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            accept: 'application/json',
            ...(payload !== undefined ? { 'content-type': contentType } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const type = String(res.headers['content-type'] ?? '');
            resolve({ status: res.statusCode ?? 0, contentType: type, text, body: type.includes('json') && text ? JSON.parse(text) : undefined });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Opens a watch and collects events until `until` returns true for the events so far, or the stream ends. */
  watch(path: string, until: (events: WatchEvent[]) => boolean): Promise<WatchEvent[]> {
    return new Promise((resolve, reject) => {
      const events: WatchEvent[] = [];
      const req = request(
        { host: this.base.hostname, port: this.base.port, path, method: 'GET', agent: this.agent, headers: { authorization: `Bearer ${this.token}` } },
        (res) => {
          let buffered = '';
          res.on('data', (chunk: Buffer) => {
            buffered += chunk.toString('utf8');
            let newline: number;
            while ((newline = buffered.indexOf('\n')) >= 0) {
              events.push(JSON.parse(buffered.slice(0, newline)) as WatchEvent);
              buffered = buffered.slice(newline + 1);
            }
            if (until(events)) {
              req.destroy();
              resolve(events);
            }
          });
          res.on('end', () => resolve(events));
          res.on('error', () => resolve(events));
        },
      );
      req.on('error', (e) => (req.destroyed ? resolve(events) : reject(e)));
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
