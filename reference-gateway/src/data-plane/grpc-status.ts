import type { ServerHttp2Stream } from 'node:http2';
import type { FaultSet } from './faults.ts';

/** The gRPC status codes the gateway produces itself. */
export const GrpcCode = {
  OK: 0,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
} as const;

/** An answer made by the gateway, never by a backend. */
export interface GatewayAnswer {
  readonly code: number;
  readonly message: string;
  /** Answer with this bare HTTP status (no grpc-status) instead; clients map it to a code themselves. */
  readonly httpStatus?: number;
}

/** Percent-encodes a grpc-message value as the gRPC HTTP/2 protocol requires (UTF-8, unsafe bytes as %XX). */
export function encodeGrpcMessage(message: string): string {
  let out = '';
  for (const byte of Buffer.from(message, 'utf8')) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Sends a trailers-only gRPC response; does nothing when the client stream is already answered or gone. */
export function sendGatewayAnswer(stream: ServerHttp2Stream, answer: GatewayAnswer, faults: FaultSet): void {
  if (stream.headersSent || stream.destroyed || stream.closed) return;
  const bare =
    answer.httpStatus ??
    (answer.code === GrpcCode.UNAVAILABLE && faults.has('unknown-instead-of-unavailable') ? 500 : undefined) ??
    (answer.code === GrpcCode.UNAVAILABLE && faults.has('unavailable-as-http-503') ? 503 : undefined) ??
    (answer.code === GrpcCode.UNIMPLEMENTED && faults.has('unimplemented-as-http-404') ? 404 : undefined);
  if (bare !== undefined) {
    stream.respond({ ':status': bare }, { endStream: true });
    return;
  }
  const code =
    answer.code === GrpcCode.UNIMPLEMENTED && faults.has('not-found-instead-of-unimplemented') ? GrpcCode.NOT_FOUND : answer.code;
  stream.respond(
    {
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': String(code),
      'grpc-message': encodeGrpcMessage(answer.message),
    },
    { endStream: true },
  );
}
