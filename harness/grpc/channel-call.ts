import * as grpc from '@grpc/grpc-js';
import type { GatewayAddress } from '../kube/types.ts';
import { defaultAuthority, dialTarget } from './dial.ts';
import { metadataToRecord, toGrpcMetadata } from './metadata.ts';
import { nonGrpcAnswer } from './non-grpc-answer.ts';
import { probeTls } from './tls-probe.ts';
import type { TlsFacts } from './tls-probe.ts';
import type { GrpcCall } from './types.ts';

export type CallKind = 'unary' | 'serverStream' | 'clientStream' | 'bidi';

/** How to put messages on the wire for one method. */
export interface WireSpec {
  readonly path: string;
  readonly kind: CallKind;
  readonly serialize: (value: unknown) => Buffer;
  readonly deserialize: (bytes: Buffer) => unknown;
  /** Request messages in order (unary and server streaming use the first). */
  readonly requests: readonly unknown[];
}

export interface CallDefaults {
  readonly requestTimeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface RawOutcome {
  readonly code: number;
  readonly details: string;
  readonly headers: Record<string, string[]>;
  readonly trailers: Record<string, string[]>;
  readonly messages: unknown[];
  readonly tls?: TlsFacts;
  readonly transportError?: string;
  /** Set when the answer was HTTP but not gRPC; `code` is then its HTTP status's mapping. */
  readonly nonGrpcAnswer?: string;
  readonly elapsedMs: number;
}

/** A grpc-js channel to the gateway with what its TLS handshake showed (asked once per connection). */
export interface GatewayConnection {
  readonly client: grpc.Client;
  readonly tls?: Promise<TlsFacts>;
}

/**
 * Opens a channel for calls with `call`'s authority and TLS settings, with its own subchannel pool
 * so nothing is shared with any other channel. TLS connections are accompanied by one raw
 * handshake that reports ALPN and the peer certificate (grpc-js exposes neither).
 */
export function openConnection(gw: GatewayAddress, call: GrpcCall, probeTimeoutMs: number): GatewayConnection {
  const options: grpc.ChannelOptions = {
    'grpc.default_authority': call.authority ?? defaultAuthority(gw),
    'grpc.use_local_subchannel_pool': 1,
    // A transparent retry would hide a gateway's failure from the case.
    'grpc.enable_retries': 0,
    'grpc.service_config_disable_resolution': 1,
    ...(call.tls ? { 'grpc.ssl_target_name_override': call.tls.serverName } : {}),
  };
  const credentials = call.tls ? grpc.credentials.createSsl(Buffer.from(call.tls.ca)) : grpc.credentials.createInsecure();
  const client = new grpc.Client(dialTarget(gw), credentials, options);
  return call.tls ? { client, tls: probeTls(gw, call.tls, probeTimeoutMs) } : { client };
}

/** One RPC on an open connection. A non-OK status is data, never a throw. */
export async function runOn(connection: GatewayConnection, call: GrpcCall, wire: WireSpec, defaults: CallDefaults): Promise<RawOutcome> {
  const started = performance.now();
  const deadlineMs = call.deadlineMs ?? defaults.requestTimeoutMs;
  const outcome = await invoke(connection.client, wire, toGrpcMetadata(call.metadata), { deadline: Date.now() + deadlineMs }, defaults.signal);
  const tls = connection.tls ? await connection.tls : undefined;
  return { ...outcome, ...(tls ? { tls } : {}), elapsedMs: Math.round(performance.now() - started) };
}

/**
 * One RPC on its own channel, closed when the call ends. Bidi calls ping-pong: the next request is
 * sent only after the previous response arrived, which a gateway that buffers whole streams cannot fake.
 */
export async function runCall(gw: GatewayAddress, call: GrpcCall, wire: WireSpec, defaults: CallDefaults): Promise<RawOutcome> {
  const connection = openConnection(gw, call, call.deadlineMs ?? defaults.requestTimeoutMs);
  try {
    return await runOn(connection, call, wire, defaults);
  } finally {
    connection.client.close();
  }
}

type Outcome = Omit<RawOutcome, 'elapsedMs' | 'tls'>;

function invoke(client: grpc.Client, wire: WireSpec, metadata: grpc.Metadata, callOptions: grpc.CallOptions, signal?: AbortSignal): Promise<Outcome> {
  return new Promise((resolve) => {
    const messages: unknown[] = [];
    let headers: Record<string, string[]> | undefined;
    let status: grpc.StatusObject | undefined;
    let streamDone = wire.kind === 'unary' || wire.kind === 'clientStream';
    let settled = false;
    const settle = (): void => {
      if (settled || !status || !streamDone) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(toOutcome(status, headers, messages));
    };
    const onStatus = (s: grpc.StatusObject): void => {
      status = s;
      settle();
    };
    const onMessage = (message: unknown): void => void messages.push(message);
    const first = wire.requests[0] ?? {};
    const { path, serialize, deserialize } = wire;

    let call: grpc.ClientUnaryCall | grpc.ClientReadableStream<unknown> | grpc.ClientWritableStream<unknown> | grpc.ClientDuplexStream<unknown, unknown>;
    const callback = (_error: grpc.ServiceError | null, value?: unknown): void => {
      if (value !== undefined) messages.push(value);
    };
    switch (wire.kind) {
      case 'unary':
        call = client.makeUnaryRequest(path, serialize, deserialize, first, metadata, callOptions, callback);
        break;
      case 'clientStream': {
        const writable = client.makeClientStreamRequest(path, serialize, deserialize, metadata, callOptions, callback);
        for (const request of wire.requests) writable.write(request);
        writable.end();
        call = writable;
        break;
      }
      case 'serverStream': {
        const readable = client.makeServerStreamRequest(path, serialize, deserialize, first, metadata, callOptions);
        readable.on('data', onMessage);
        call = readable;
        break;
      }
      case 'bidi': {
        const duplex = client.makeBidiStreamRequest(path, serialize, deserialize, metadata, callOptions);
        let sent = 0;
        let ended = false;
        const sendNext = (): void => {
          if (sent < wire.requests.length) duplex.write(wire.requests[sent++]);
          if (sent >= wire.requests.length && !ended) {
            ended = true;
            duplex.end();
          }
        };
        duplex.on('data', (message: unknown) => {
          onMessage(message);
          if (messages.length === sent) sendNext();
        });
        sendNext();
        call = duplex;
        break;
      }
    }
    // The four call types share these events; their declared overloads do not unify.
    const events = call as unknown as NodeJS.EventEmitter & { cancel(): void };
    events.on('metadata', (m: grpc.Metadata) => {
      headers = metadataToRecord(m);
    });
    events.on('status', onStatus);
    if (!streamDone) {
      const done = (): void => {
        streamDone = true;
        settle();
      };
      events.on('end', done);
      events.on('error', done);
    } else {
      events.on('error', () => undefined);
    }
    const onAbort = (): void => events.cancel();
    if (signal?.aborted) events.cancel();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const HTTP_ANSWER = /^Received HTTP status code/;
// What grpc-js says when a stream or connection failed, whatever code it maps that to: none of it
// is a status the gateway sent, so none of it may pass as one.
const TRANSPORT_FAILURE = /^(Received RST_STREAM|Stream refused|Connection dropped|Call ended without gRPC status|Protocol error|GOAWAY|read ECONNRESET|connect ECONNREFUSED)/;

function toOutcome(status: grpc.StatusObject, headers: Record<string, string[]> | undefined, messages: unknown[]): Outcome {
  const trailers = metadataToRecord(status.metadata);
  const http = nonGrpcAnswer(status.details, headers, trailers);
  if (http) return { code: http.code, details: `${http.description} (grpc-js: ${status.details})`, headers: headers ?? {}, trailers, messages, nonGrpcAnswer: http.description };
  // An UNAVAILABLE that came with nothing from a peer (no headers, no trailers, no HTTP status), or
  // any code grpc-js derives from a reset or a lost connection, is a transport failure, not an answer.
  const transport =
    !HTTP_ANSWER.test(status.details) &&
    ((status.code === grpc.status.UNAVAILABLE && !headers && Object.keys(trailers).length === 0) || TRANSPORT_FAILURE.test(status.details));
  return {
    code: status.code,
    details: status.details,
    headers: headers ?? {},
    trailers,
    messages,
    ...(transport ? { transportError: status.details } : {}),
  };
}
