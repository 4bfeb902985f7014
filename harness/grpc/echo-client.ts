import { randomUUID } from 'node:crypto';
import type { GatewayAddress } from '../kube/types.ts';
import type { CaseChannel } from './case-channel.ts';
import { runCall } from './channel-call.ts';
import type { CallDefaults, CallKind, WireSpec } from './channel-call.ts';
import { findMethod, requireMethod } from './protos.ts';
import type { Method } from './protos.ts';
import { ECHO_PLUS_SERVICE, ECHO_SERVICE } from './types.ts';
import type { EchoAssertions, EchoPlusRequestInit, GrpcCall, GrpcResult, MetadataInit } from './types.ts';

const STREAMING_KINDS: Readonly<Record<string, CallKind>> = { ServerStream: 'serverStream', ClientStream: 'clientStream', Bidi: 'bidi' };

/** The call kind a method has: EchoPlus streaming methods by name, everything else unary. */
export function callKindOf(call: GrpcCall): CallKind {
  return (call.service ?? ECHO_SERVICE) === ECHO_PLUS_SERVICE ? (STREAMING_KINDS[call.method] ?? 'unary') : 'unary';
}

/**
 * Sends one echo call (GrpcEcho, EchoPlus, or any other path, which is sent as an empty message
 * and read as an EchoResponse) and returns everything observed. Never throws for gRPC outcomes.
 * Without `channel` the call opens and closes a channel of its own.
 */
export async function sendEchoCall(gw: GatewayAddress, call: GrpcCall, defaults: CallDefaults, channel?: CaseChannel): Promise<GrpcResult> {
  const service = call.service ?? ECHO_SERVICE;
  const kind = callKindOf(call);
  const wire = service === ECHO_PLUS_SERVICE ? plusWire(call, kind) : echoWire(service, call.method);
  const outcome = channel ? await channel.run(call, wire, defaults) : await runCall(gw, call, wire, defaults);
  const messages = outcome.messages as ResponseMessage[];
  return {
    code: outcome.code,
    details: outcome.details,
    headers: outcome.headers,
    trailers: outcome.trailers,
    responses: messages.flatMap((m) => (m.assertions ? [toAssertions(m.assertions)] : [])),
    ...(service === ECHO_PLUS_SERVICE
      ? { plus: messages.map((m) => ({ requestId: m.requestId ?? '', sequence: m.sequence ?? 0, received: m.received ?? 0 })) }
      : {}),
    ...(outcome.tls ? { tls: outcome.tls } : {}),
    ...(outcome.transportError ? { transportError: outcome.transportError } : {}),
    ...(outcome.nonGrpcAnswer ? { nonGrpcAnswer: outcome.nonGrpcAnswer } : {}),
    ...decodeErrorOf(messages),
    elapsedMs: outcome.elapsedMs,
  };
}

function decodeErrorOf(messages: readonly ResponseMessage[]): { decodeError?: string } {
  const error = messages.find((m) => m.decodeError !== undefined)?.decodeError;
  return error === undefined ? {} : { decodeError: error };
}

function echoWire(service: string, method: string): WireSpec {
  const known = findMethod(service, method);
  // Paths we have no proto for still get an echo-shaped answer decoder: a backend that answers OK
  // is an echo server reached through a route that rewrote nothing.
  const reader = known ?? requireMethod(ECHO_SERVICE, 'Echo');
  return {
    path: `/${service}/${method}`,
    kind: 'unary',
    serialize: known ? (v) => known.requestSerialize(v as object) : () => Buffer.alloc(0),
    deserialize: (bytes) => safeDecode(reader, bytes),
    requests: [{}],
  };
}

function plusWire(call: GrpcCall, kind: CallKind): WireSpec {
  const method = requireMethod(ECHO_PLUS_SERVICE, call.method);
  const request = plusRequest(call.plus ?? {});
  const sends = kind === 'clientStream' || kind === 'bidi' ? Math.max(1, call.plus?.count ?? 1) : 1;
  return {
    path: method.path,
    kind,
    serialize: (v) => method.requestSerialize(v as object),
    deserialize: (bytes) => safeDecode(method, bytes),
    requests: Array.from({ length: sends }, () => request),
  };
}

function plusRequest(init: EchoPlusRequestInit): object {
  return {
    requestId: init.requestId ?? randomUUID(),
    statusCode: init.statusCode ?? 0,
    statusMessage: init.statusMessage ?? '',
    responseHeaders: entries(init.responseHeaders),
    responseTrailers: entries(init.responseTrailers),
    delayMs: init.delayMs ?? 0,
    count: init.count ?? 1,
  };
}

function entries(metadata: MetadataInit | undefined): object[] {
  return Object.entries(metadata ?? {}).flatMap(([rawKey, value]) => {
    const key = rawKey.toLowerCase();
    return (Array.isArray(value) ? value : [value]).map((item) =>
      key.endsWith('-bin')
        ? { key, binaryValue: Buffer.isBuffer(item) ? item : Buffer.from(item, 'utf8') }
        : { key, value: Buffer.isBuffer(item) ? item.toString('utf8') : item },
    );
  });
}

interface ResponseMessage {
  assertions?: AssertionsMessage | null;
  requestId?: string;
  sequence?: number;
  received?: number;
  decodeError?: string;
}

interface AssertionsMessage {
  fullyQualifiedMethod: string;
  headers: { key: string; value: string }[];
  authority: string;
  context: { namespace: string; ingress: string; serviceName: string; pod: string } | null;
  tlsAssertions: { version: string; negotiatedProtocol: string; serverName: string; cipherSuite: string } | null;
}

/** A body that is not the expected message is recorded as undecodable (never as "no message"), and the call goes on. */
function safeDecode(method: Method, bytes: Buffer): ResponseMessage {
  try {
    return method.responseDeserialize(bytes) as ResponseMessage;
  } catch (error) {
    return { decodeError: `${bytes.length}-byte response message does not decode: ${(error as Error).message}` };
  }
}

function toAssertions(a: AssertionsMessage): EchoAssertions {
  const context = a.context ?? { namespace: '', ingress: '', serviceName: '', pod: '' };
  return {
    fullyQualifiedMethod: a.fullyQualifiedMethod,
    headers: a.headers.map((h) => ({ key: h.key, value: h.value })),
    authority: a.authority,
    context: { namespace: context.namespace, ingress: context.ingress, serviceName: context.serviceName, pod: context.pod },
    ...(a.tlsAssertions
      ? {
          tlsAssertions: {
            version: a.tlsAssertions.version,
            negotiatedProtocol: a.tlsAssertions.negotiatedProtocol,
            serverName: a.tlsAssertions.serverName,
            cipherSuite: a.tlsAssertions.cipherSuite,
          },
        }
      : {}),
  };
}
