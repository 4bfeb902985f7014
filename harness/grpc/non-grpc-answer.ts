import * as grpc from '@grpc/grpc-js';

const HTTP_STATUS = /^Received HTTP status code (\d+)/;
// grpc-js's own words when no grpc-status arrived on an HTTP 200 (it names any other HTTP status
// itself, HTTP_STATUS): it read the body as gRPC messages, or the stream ended without trailers.
const NO_STATUS_ON_200 = /^(Received message larger than max|No status information received|Received RST_STREAM with code 0)/;

/** What a gRPC client makes of it (gRPC's "HTTP to gRPC Status Code Mapping"), as grpc-go does. */
export function codeForHttpStatus(status: number): number {
  if (status === 400) return grpc.status.INTERNAL;
  if (status === 401) return grpc.status.UNAUTHENTICATED;
  if (status === 403) return grpc.status.PERMISSION_DENIED;
  if (status === 404) return grpc.status.UNIMPLEMENTED;
  if ([429, 502, 503, 504].includes(status)) return grpc.status.UNAVAILABLE;
  return grpc.status.UNKNOWN;
}

export interface NonGrpcAnswer {
  /** e.g. "not a gRPC response: HTTP 200, content-type application/json, no grpc-status". */
  readonly description: string;
  readonly code: number;
}

/**
 * A response whose content-type is not application/grpc* is not a gRPC response (gRPC over
 * HTTP/2: Content-Type). grpc-js still parses its body as messages, so an HTTP 200 with a JSON
 * body ends as RESOURCE_EXHAUSTED "message larger than max". grpc-go, upstream's client, maps such
 * an answer from its HTTP status instead; so does this, and says what the answer was.
 */
export function nonGrpcAnswer(details: string, headers: Record<string, string[]> | undefined, trailers: Record<string, string[]>): NonGrpcAnswer | undefined {
  if (headers === undefined && Object.keys(trailers).length === 0) return undefined;
  const contentType = headers?.['content-type']?.[0] ?? trailers['content-type']?.[0];
  if (contentType?.startsWith('application/grpc')) return undefined;
  const named = HTTP_STATUS.exec(details);
  const status = named ? Number(named[1]) : NO_STATUS_ON_200.test(details) ? 200 : undefined;
  // A grpc-status on a non-gRPC content-type hid the HTTP status from grpc-js: keep its status.
  if (status === undefined) return undefined;
  return {
    description: `not a gRPC response: HTTP ${status}, content-type ${contentType ?? '(none)'}, no grpc-status`,
    code: codeForHttpStatus(status),
  };
}
