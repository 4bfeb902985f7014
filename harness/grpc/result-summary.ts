import * as grpc from '@grpc/grpc-js';
import type { GrpcCall, GrpcResult, MetadataInit } from './types.ts';

/** The status code's name as grpc-go prints it (Unimplemented, DeadlineExceeded, ...). */
export function codeName(code: number): string {
  const upper = (grpc.status as unknown as Record<number, string | undefined>)[code];
  if (!upper) return `Code(${code})`;
  return upper
    .toLowerCase()
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The pod and namespace the echo server stamped on the answer (headers, or trailers when trailers-only). */
export function answeringPod(result: GrpcResult): { pod?: string; namespace?: string } {
  const pod = result.headers['x-echo-pod']?.[0] ?? result.trailers['x-echo-pod']?.[0] ?? result.responses[0]?.context.pod;
  const namespace = result.headers['x-echo-namespace']?.[0] ?? result.trailers['x-echo-namespace']?.[0] ?? result.responses[0]?.context.namespace;
  return { ...(pod ? { pod } : {}), ...(namespace ? { namespace } : {}) };
}

/** JSON-safe facts of a result, for reports and error messages. */
export function summarizeResult(result: GrpcResult): Record<string, unknown> {
  const { pod, namespace } = answeringPod(result);
  const first = result.responses[0];
  return {
    code: `${result.code} (${codeName(result.code)})`,
    details: result.details,
    answeredBy: pod ? `backend pod ${pod}${namespace ? ` in ${namespace}` : ''}` : 'not a backend (no x-echo-pod)',
    ...(first ? { authority: first.authority, method: first.fullyQualifiedMethod, receivedHeaders: receivedHeaders(result) } : {}),
    ...(result.responses.length > 1 ? { responseCount: result.responses.length } : {}),
    ...(Object.keys(result.headers).length ? { responseHeaders: result.headers } : {}),
    ...(Object.keys(result.trailers).length ? { trailers: result.trailers } : {}),
    ...(result.tls ? { tls: result.tls } : {}),
    ...(result.transportError ? { transportError: result.transportError } : {}),
    ...(result.nonGrpcAnswer ? { nonGrpcAnswer: result.nonGrpcAnswer } : {}),
    elapsedMs: result.elapsedMs,
  };
}

/** Request headers the backend saw, grouped by key in arrival order. */
export function receivedHeaders(result: GrpcResult): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const { key, value } of result.responses[0]?.headers ?? []) (grouped[key] ??= []).push(value);
  return grouped;
}

/** JSON-safe form of a call (Buffers as base64). */
export function summarizeCall(call: GrpcCall): Record<string, unknown> {
  return {
    ...call,
    ...(call.metadata ? { metadata: jsonMetadata(call.metadata) } : {}),
    ...(call.tls ? { tls: { serverName: call.tls.serverName, alpn: call.tls.alpn ?? ['h2'] } } : {}),
    ...(call.plus
      ? {
          plus: {
            ...call.plus,
            ...(call.plus.responseHeaders ? { responseHeaders: jsonMetadata(call.plus.responseHeaders) } : {}),
            ...(call.plus.responseTrailers ? { responseTrailers: jsonMetadata(call.plus.responseTrailers) } : {}),
          },
        }
      : {}),
  };
}

function jsonMetadata(metadata: MetadataInit): Record<string, string | string[]> {
  const text = (v: string | Buffer): string => (Buffer.isBuffer(v) ? v.toString('base64') : v);
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Array.isArray(v) ? v.map(text) : text(v)]));
}
