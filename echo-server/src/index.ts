import type http2 from 'node:http2';
import { HealthImplementation } from 'grpc-health-check';
import type { PodContext } from './assertions.ts';
import { registerEchoPlus } from './echo-plus-service.ts';
import { registerGrpcEcho } from './echo-service.ts';
import { grpcJsServiceTarget } from './grpc-js-service-adapter.ts';
import { Status } from './grpc-status.ts';
import { listen } from './http2-listener.ts';
import type { Listener } from './http2-listener.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE } from './protos.ts';
import { formatRequestLog } from './request-log.ts';
import type { CallOutcome } from './server-call.ts';
import { ServerCall } from './server-call.ts';
import { ServiceRegistry } from './service-registry.ts';
import { sharedServices } from './shared-services.ts';

export { ECHO_PLUS_SERVICE, ECHO_SERVICE, echoProtoPath } from './protos.ts';
export type { RequestLogLine } from './request-log.ts';

export interface EchoServerOptions {
  host: string;
  /** 0 picks a free port. */
  httpPort: number;
  /** Served only together with `tls`. */
  httpsPort?: number;
  tls?: { certPem: string; keyPem: string };
  env: { POD_NAME: string; NAMESPACE: string; SERVICE_NAME?: string; INGRESS_NAME?: string };
  /** Receives one JSON line per RPC; default stdout. */
  log?: (line: string) => void;
}

export interface RunningEchoServer {
  readonly httpPort: number;
  readonly httpsPort?: number;
  stop(): Promise<void>;
}

/**
 * Starts the echo backend: GrpcEcho, EchoPlus, health and reflection on an h2c port and, with `tls`,
 * on a TLS port. Every answer, including UNIMPLEMENTED for unknown methods, carries the response
 * metadata `x-echo-pod` and `x-echo-namespace` so a client can tell a backend's answer from a proxy's.
 */
export async function startEchoServer(options: EchoServerOptions): Promise<RunningEchoServer> {
  const context: PodContext = {
    namespace: options.env.NAMESPACE,
    ingress: options.env.INGRESS_NAME ?? '',
    serviceName: options.env.SERVICE_NAME ?? '',
    pod: options.env.POD_NAME,
  };
  const identity = { 'x-echo-pod': [context.pod], 'x-echo-namespace': [context.namespace] };
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));

  const registry = new ServiceRegistry(sharedServices());
  registerGrpcEcho(registry, context);
  registerEchoPlus(registry, context);
  const health = new HealthImplementation({ '': 'SERVING', [ECHO_SERVICE]: 'SERVING', [ECHO_PLUS_SERVICE]: 'SERVING' });
  health.addToServer(grpcJsServiceTarget(registry));

  const active = new Set<ServerCall>();
  const onStream = (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, rawHeaders: string[]): void => {
    const contentType = String(headers['content-type'] ?? '');
    if (!contentType.startsWith('application/grpc')) {
      stream.respond({ ':status': 415, ...identityHeaders(identity) }, { endStream: true });
      return;
    }
    const call = new ServerCall(stream, headers, rawHeaders, identity);
    active.add(call);
    call.once('done', (outcome: CallOutcome) => {
      active.delete(call);
      log(formatRequestLog(call, context, outcome));
    });
    const handler = registry.lookup(call.path);
    if (handler) handler(call);
    else call.finish(Status.UNIMPLEMENTED, unknownMethodMessage(registry, call.path));
  };

  const listeners: Listener[] = [];
  try {
    listeners.push(await listen(options.host, options.httpPort, undefined, onStream));
    if (options.tls) listeners.push(await listen(options.host, options.httpsPort ?? 8443, options.tls, onStream));
  } catch (error) {
    await Promise.all(listeners.map((l) => l.close()));
    throw new EchoServerStartError(options, error);
  }

  let stopping: Promise<void> | undefined;
  return {
    httpPort: listeners[0]?.port ?? options.httpPort,
    ...(listeners[1] ? { httpsPort: listeners[1].port } : {}),
    stop: () => {
      stopping ??= (async () => {
        for (const service of ['', ECHO_SERVICE, ECHO_PLUS_SERVICE]) health.setStatus(service, 'NOT_SERVING');
        const closing = listeners.map((l) => l.close());
        for (const call of [...active]) call.finish(Status.UNAVAILABLE, 'echo server is shutting down');
        await Promise.all(closing);
      })();
      return stopping;
    },
  };
}

/** The listen address was taken or not bindable. */
export class EchoServerStartError extends Error {
  readonly code = 'ECHO_SERVER_START_FAILED';
  constructor(
    readonly options: Pick<EchoServerOptions, 'host' | 'httpPort' | 'httpsPort'>,
    cause: unknown,
  ) {
    super(`echo server could not listen on ${options.host} (http ${options.httpPort}, https ${options.httpsPort ?? '-'}): ${(cause as Error).message}`, { cause });
    this.name = 'EchoServerStartError';
  }
}

function identityHeaders(identity: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(identity).map(([k, v]) => [k, v[0] ?? '']));
}

function unknownMethodMessage(registry: ServiceRegistry, path: string): string {
  const [, service = '', method = ''] = path.split('/');
  return registry.hasService(service) ? `unknown method ${method} for service ${service}` : `unknown service ${service}`;
}
