import * as grpc from '@grpc/grpc-js';

export type Kind = 'unary' | 'serverStream' | 'clientStream' | 'bidi';

export interface TestCallOptions {
  readonly metadata?: grpc.Metadata;
  readonly authority?: string;
  readonly tls?: { readonly caPem: string; readonly serverName: string };
  readonly deadlineMs?: number;
}

export interface TestCallResult {
  readonly code: number;
  readonly details: string;
  readonly headers: Record<string, unknown[]>;
  readonly trailers: Record<string, unknown[]>;
  readonly messages: unknown[];
}

const passthrough = (b: Buffer): Buffer => b;

/**
 * A plain grpc-js call for the echo server's own tests (the harness client is tested separately):
 * own channel, all requests written up front, resolves on the final status.
 */
export function grpcCall(
  port: number,
  path: string,
  kind: Kind,
  requests: readonly Buffer[],
  decode: (b: Buffer) => unknown,
  options: TestCallOptions = {},
): Promise<TestCallResult> {
  const client = new grpc.Client(
    `127.0.0.1:${port}`,
    options.tls ? grpc.credentials.createSsl(Buffer.from(options.tls.caPem)) : grpc.credentials.createInsecure(),
    {
      'grpc.use_local_subchannel_pool': 1,
      ...(options.authority ? { 'grpc.default_authority': options.authority } : {}),
      ...(options.tls ? { 'grpc.ssl_target_name_override': options.tls.serverName } : {}),
    },
  );
  const metadata = options.metadata ?? new grpc.Metadata();
  const callOptions = { deadline: Date.now() + (options.deadlineMs ?? 5000) };
  const messages: unknown[] = [];
  let headers: Record<string, unknown[]> = {};
  return new Promise((resolve) => {
    const collect = (_e: unknown, value?: Buffer): void => void (value && messages.push(decode(value)));
    const first = requests[0] ?? Buffer.alloc(0);
    const call =
      kind === 'unary'
        ? client.makeUnaryRequest(path, passthrough, passthrough, first, metadata, callOptions, collect)
        : kind === 'serverStream'
          ? client.makeServerStreamRequest(path, passthrough, passthrough, first, metadata, callOptions)
          : kind === 'clientStream'
            ? client.makeClientStreamRequest(path, passthrough, passthrough, metadata, callOptions, collect)
            : client.makeBidiStreamRequest(path, passthrough, passthrough, metadata, callOptions);
    const events = call as unknown as NodeJS.EventEmitter & { write?: (b: Buffer) => void; end?: () => void };
    if (kind === 'clientStream' || kind === 'bidi') {
      for (const request of requests) events.write?.(request);
      events.end?.();
    }
    let status: grpc.StatusObject | undefined;
    let ended = kind === 'unary' || kind === 'clientStream';
    const settle = (): void => {
      if (!status || !ended) return;
      client.close();
      resolve({ code: status.code, details: status.details, headers, trailers: status.metadata.toJSON(), messages });
    };
    events.on('data', (b: Buffer) => messages.push(decode(b)));
    events.on('metadata', (m: grpc.Metadata) => (headers = m.toJSON()));
    events.on('status', (s: grpc.StatusObject) => ((status = s), settle()));
    events.on('error', () => ((ended = true), settle()));
    events.on('end', () => ((ended = true), settle()));
  });
}
