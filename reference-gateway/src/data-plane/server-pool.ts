import http2, { type Http2Server, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import type { Server, Socket } from 'node:net';
import tls from 'node:tls';
import type { FaultSet } from './faults.ts';
import type { ServerTable } from './routing-table.ts';
import { CertificateSelector } from './tls-certs.ts';

/** Handles one incoming stream with the routing table current at its arrival. */
export type StreamHandler = (
  table: ServerTable,
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  rawHeaders: readonly string[] | undefined,
) => void;

interface PoolDependencies {
  readonly faults: FaultSet;
  readonly handle: StreamHandler;
  readonly log: (line: string) => void;
}

// One listening socket (gateway address + bind port) whose routing table can be swapped while it serves.
class BoundServer {
  table: ServerTable;
  #certificates: CertificateSelector | undefined;
  #fallbackPem: { readonly cert: string; readonly key: string } | undefined;
  readonly #listening: Server;
  readonly #sockets = new Set<Socket>();

  constructor(table: ServerTable, deps: PoolDependencies) {
    this.table = table;
    const h2: Http2Server = http2.createServer();
    h2.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders?: string[]) =>
      deps.handle(this.table, stream, headers, rawHeaders),
    );
    h2.on('sessionError', () => undefined);
    if (table.protocol === 'HTTP') {
      this.#listening = h2;
    } else {
      const server = tls.createServer({
        ALPNProtocols: deps.faults.has('no-alpn-h2') ? ['http/1.1'] : ['h2'],
        SNICallback: (name, done) => done(null, this.#certificates?.contextFor(name)),
      });
      // TLS is terminated here and the decrypted socket handed to the HTTP/2 server, which refuses anything
      // but ALPN h2; one HTTP/2 code path then serves both listener protocols.
      server.on('secureConnection', (socket) => h2.emit('connection', socket));
      server.on('tlsClientError', () => undefined);
      this.#listening = server;
    }
    this.#listening.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    this.update(table, deps);
  }

  update(table: ServerTable, deps: PoolDependencies): void {
    this.table = table;
    if (table.protocol !== 'HTTPS') return;
    this.#certificates = new CertificateSelector(table.listeners, deps.faults, deps.log);
    const fallback = this.#certificates.fallback;
    // setSecureContext parses the key pair again; most pushes leave this listener's certificate as it was.
    if (fallback && (fallback.pem.cert !== this.#fallbackPem?.cert || fallback.pem.key !== this.#fallbackPem.key)) {
      (this.#listening as tls.Server).setSecureContext(fallback.pem);
      this.#fallbackPem = fallback.pem;
    }
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.#listening.once('error', onError);
      this.#listening.listen({ host: this.table.address, port: this.table.bindPort, exclusive: true }, () => {
        this.#listening.off('error', onError);
        this.#listening.on('error', () => undefined);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#listening.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    });
  }
}

/** The set of bound gateway servers, reconciled against the compiled tables on every apply. */
export class ServerPool {
  readonly #servers = new Map<string, BoundServer>();
  readonly #deps: PoolDependencies;

  constructor(deps: PoolDependencies) {
    this.#deps = deps;
  }

  /**
   * Binds servers that are new (or changed protocol), swaps every table in one synchronous step once the
   * binds are done, then closes servers no longer configured. Returns the servers that could not be bound.
   */
  async apply(tables: readonly ServerTable[]): Promise<{ server: string; message: string }[]> {
    const failures: { server: string; message: string }[] = [];
    const wanted = new Map(tables.map((table) => [table.key, table]));
    const replaced = [...this.#servers].filter(([key, server]) => wanted.get(key)?.protocol !== server.table.protocol);
    for (const [key, server] of replaced) {
      this.#servers.delete(key);
      await server.close();
    }
    const fresh = new Map<string, BoundServer>();
    await Promise.all(
      tables
        .filter((table) => !this.#servers.has(table.key))
        .map(async (table) => {
          const server = new BoundServer(table, this.#deps);
          try {
            await server.listen();
            fresh.set(table.key, server);
          } catch (error) {
            failures.push({ server: `${table.protocol} ${table.key}`, message: error instanceof Error ? error.message : String(error) });
          }
        }),
    );
    for (const table of tables) this.#servers.get(table.key)?.update(table, this.#deps);
    for (const [key, server] of fresh) this.#servers.set(key, server);
    return failures;
  }

  async close(): Promise<void> {
    const servers = [...this.#servers.values()];
    this.#servers.clear();
    await Promise.all(servers.map((server) => server.close()));
  }
}
