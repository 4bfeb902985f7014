import * as grpc from '@grpc/grpc-js';
import type { EchoReply } from './echo-backend.ts';

/** Outcome of one RPC, as the client saw it; a non-OK status is data, not an exception. */
export interface CallResult {
  readonly code: grpc.status;
  readonly details: string;
  readonly replies: EchoReply[];
  readonly headers: grpc.Metadata | undefined;
  readonly trailers: grpc.Metadata;
}

export interface ClientOptions {
  /** `:authority` to send (default: the target). */
  readonly authority?: string;
  /** TLS: trust `caPem` and use `serverName` for SNI and verification. */
  readonly tls?: { readonly caPem: string; readonly serverName: string };
}

export type MetadataInit = Readonly<Record<string, string | Buffer | readonly (string | Buffer)[]>>;

const identity = (value: Buffer): Buffer => value;

function toMetadata(init: MetadataInit): grpc.Metadata {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(init)) {
    for (const item of Array.isArray(value) ? value : [value]) metadata.add(key, item as string | Buffer);
  }
  return metadata;
}

function parseReply(message: Buffer): EchoReply {
  const text = message.toString();
  return text.startsWith('{') ? (JSON.parse(text) as EchoReply) : ({ messages: [text] } as unknown as EchoReply);
}

/** A real grpc-js client to one gateway address, sending raw bytes (the test backend speaks JSON). */
export class TestClient {
  readonly #client: grpc.Client;

  constructor(target: string, options: ClientOptions = {}) {
    const channelOptions: grpc.ChannelOptions = { 'grpc.enable_http_proxy': 0 };
    if (options.authority) channelOptions['grpc.default_authority'] = options.authority;
    if (options.tls) channelOptions['grpc.ssl_target_name_override'] = options.tls.serverName;
    const credentials = options.tls
      ? grpc.credentials.createSsl(Buffer.from(options.tls.caPem))
      : grpc.credentials.createInsecure();
    this.#client = new grpc.Client(target, credentials, channelOptions);
  }

  /** Unary call; `deadlineMs` sets a client deadline (sent as grpc-timeout). */
  unary(path: string, metadata: MetadataInit = {}, options: { deadlineMs?: number; body?: string } = {}): Promise<CallResult> {
    return new Promise((resolve) => {
      let headers: grpc.Metadata | undefined;
      const replies: EchoReply[] = [];
      const callOptions = options.deadlineMs ? { deadline: Date.now() + options.deadlineMs } : {};
      const call = this.#client.makeUnaryRequest(
        path,
        identity,
        identity,
        Buffer.from(options.body ?? 'hello'),
        toMetadata(metadata),
        callOptions,
        (_error, value) => {
          if (value) replies.push(parseReply(value));
        },
      );
      call.on('metadata', (m) => (headers = m));
      call.on('status', (status) =>
        setImmediate(() => resolve({ code: status.code, details: status.details, replies, headers, trailers: status.metadata })),
      );
    });
  }

  /** Bidi-capable streaming call: sends `messages`, half-closes, collects every reply. */
  stream(path: string, messages: readonly string[], metadata: MetadataInit = {}): Promise<CallResult> {
    return new Promise((resolve) => {
      let headers: grpc.Metadata | undefined;
      const replies: EchoReply[] = [];
      const call = this.#client.makeBidiStreamRequest(path, identity, identity, toMetadata(metadata), {});
      call.on('metadata', (m) => (headers = m));
      call.on('data', (value: Buffer) => replies.push(parseReply(value)));
      call.on('error', () => undefined);
      call.on('status', (status) =>
        setImmediate(() => resolve({ code: status.code, details: status.details, replies, headers, trailers: status.metadata })),
      );
      for (const message of messages) call.write(Buffer.from(message));
      call.end();
    });
  }

  close(): void {
    this.#client.close();
  }
}

export { grpc };
