import type { PodContext } from './assertions.ts';
import type { CallOutcome, ServerCall } from './server-call.ts';

/** One JSON line per RPC; the suite reads these from pod logs to prove a (mirrored) request arrived. */
export interface RequestLogLine {
  readonly time: string;
  readonly pod: string;
  readonly namespace: string;
  /** Full gRPC path, e.g. /gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo. */
  readonly method: string;
  readonly authority: string;
  /** EchoPlus request_id, else the x-request-id header, else ''. */
  readonly requestId: string;
  /** Received headers, lower-case key to values in order (`-bin` base64), `:authority` included. */
  readonly headers: Record<string, string[]>;
  readonly tls: boolean;
  readonly code: number;
  readonly cancelled: boolean;
  readonly durationMs: number;
}

export function formatRequestLog(call: ServerCall, context: PodContext, outcome: CallOutcome): string {
  const headers: Record<string, string[]> = {};
  for (const { key, value } of call.requestHeaders) (headers[key] ??= []).push(value);
  const line: RequestLogLine = {
    time: new Date().toISOString(),
    pod: context.pod,
    namespace: context.namespace,
    method: call.path,
    authority: call.authority,
    requestId: call.requestId || (headers['x-request-id']?.[0] ?? ''),
    headers,
    tls: call.tls !== undefined,
    code: outcome.code,
    cancelled: outcome.cancelled,
    durationMs: Date.now() - call.startedAt,
  };
  return JSON.stringify(line);
}
