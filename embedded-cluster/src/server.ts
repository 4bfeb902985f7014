import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseApiPath } from './api-path.ts';
import type { Discovery } from './discovery.ts';
import { serveOpenApi } from './openapi.ts';
import type { PodLogSource } from './pod-log-source.ts';
import { handleResource, verbOf } from './resource-handler.ts';
import type { ResourceService } from './resource-service.ts';
import { ApiStatusError, unauthorized, unknownResource } from './status-errors.ts';
import type { ServingCertificate } from '../../kube-rest/serving-certificate.ts';
import type { WatchHub } from './watch.ts';

/** Requests served so far, by Kubernetes verb (resource requests only) and in total (all requests). */
export interface RequestStats {
  total: number;
  byVerb: Record<string, number>;
}

export interface ApiServerDeps {
  readonly token: string;
  readonly service: ResourceService;
  readonly discovery: Discovery;
  readonly watches: WatchHub;
  readonly logs: PodLogSource;
  readonly certificate: ServingCertificate;
}

const UNAUTHENTICATED_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-embedded',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'n/a',
  compiler: 'tsx',
  platform: `${process.platform}/${process.arch}`,
};

/** The HTTP/1.1-over-TLS front of the embedded API server: auth, routing, Status errors, request counting. */
export class ApiServer {
  readonly stats: RequestStats = { total: 0, byVerb: {} };
  private readonly server: Server;
  private readonly expectedAuth: Buffer;

  constructor(private readonly deps: ApiServerDeps) {
    this.expectedAuth = Buffer.from(`Bearer ${deps.token}`);
    this.server = createServer(
      { keepAlive: true, cert: deps.certificate.certPem, key: deps.certificate.keyPem, ALPNProtocols: ['http/1.1'] },
      (req, res) => void this.handle(req, res),
    );
  }

  async listen(host: string, port: number): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return this.server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    this.deps.watches.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (code: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    this.stats.total++;
    try {
      const url = new URL(req.url ?? '/', 'http://embedded');
      if (!UNAUTHENTICATED_PATHS.has(url.pathname) && !this.authorized(req)) throw unauthorized();
      if (url.pathname === '/version') return reply(200, VERSION_INFO);
      if (UNAUTHENTICATED_PATHS.has(url.pathname)) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
        return;
      }
      if (serveOpenApi(url.pathname, res)) return;
      const path = parseApiPath(url.pathname, this.deps.service.registry);
      if (!path) throw unknownResource();
      if (path.kind !== 'resource') {
        const doc = this.discoveryDocument(path);
        if (!doc) throw unknownResource();
        return reply(200, doc);
      }
      const verb = verbOf(req.method ?? 'GET', path, url.searchParams);
      this.stats.byVerb[verb] = (this.stats.byVerb[verb] ?? 0) + 1;
      await handleResource(req, res, path, url.searchParams, this.deps, reply);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = error instanceof ApiStatusError ? error : new ApiStatusError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      reply(status.httpCode, status.toStatus());
    }
  }

  private discoveryDocument(path: Exclude<ReturnType<typeof parseApiPath>, undefined>): unknown {
    const discovery = this.deps.discovery;
    switch (path.kind) {
      case 'core-versions':
        return discovery.coreVersions();
      case 'group-list':
        return discovery.groupList();
      case 'group':
        return discovery.group(path.group);
      case 'resource-list':
        return discovery.resourceList(path.group, path.version);
      default:
        return undefined;
    }
  }

  private authorized(req: IncomingMessage): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === this.expectedAuth.length && timingSafeEqual(given, this.expectedAuth);
  }
}
