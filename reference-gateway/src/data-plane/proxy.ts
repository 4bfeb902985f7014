import {
  constants,
  type ClientHttp2Stream,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerHttp2Stream,
} from 'node:http2';
import type { FaultSet } from './faults.ts';
import type { ForwardPlan } from './forward-plan.ts';
import { clientResponseHeaders, clientTrailers, upstreamRequestHeaders } from './forwarded-headers.ts';
import { GrpcCode, encodeGrpcMessage, sendGatewayAnswer } from './grpc-status.ts';
import { headerMapFromEvent, type HeaderMap } from './header-map.ts';
import { startMirror } from './mirror.ts';
import type { UpstreamPool } from './upstream-pool.ts';

export interface ProxyContext {
  readonly upstreams: UpstreamPool;
  readonly faults: FaultSet;
}

const DEADLINE_TRAILERS: OutgoingHttpHeaders = {
  'grpc-status': String(GrpcCode.DEADLINE_EXCEEDED),
  'grpc-message': encodeGrpcMessage('deadline exceeded at the gateway'),
};

/**
 * Forwards one RPC: request headers and body stream to the backend, response headers, body and trailers
 * stream back unchanged (trailers-only answers included). Bodies are piped, never buffered, so every
 * streaming shape works. `deadlineAt` (performance.now() time) comes from grpc-timeout.
 */
export function proxyCall(stream: ServerHttp2Stream, plan: ForwardPlan, deadlineAt: number | undefined, context: ProxyContext): void {
  const { faults, upstreams } = context;
  const tls = plan.backend.config.tls;
  const headers = upstreamRequestHeaders(plan.requestHeaders, tls ? 'https' : 'http', faults);
  let upstream: ClientHttp2Stream;
  try {
    upstream = upstreams.request(plan.endpoint, tls, headers);
  } catch (error) {
    sendGatewayAnswer(stream, unreachable(plan, error), faults);
    return;
  }

  let trailers: HeaderMap | undefined;
  let trailersOverride: OutgoingHttpHeaders | undefined;
  let upstreamError: unknown;
  let answeredTrailersOnly = false;
  /** The backend finished its answer (trailers seen): closing its stream is no longer a cancellation. */
  let upstreamFinished = false;
  let deadlineTimer: NodeJS.Timeout | undefined;

  const cancelUpstream = (): void => {
    if (upstream.closed || upstream.destroyed) return;
    upstream.close(upstreamFinished ? constants.NGHTTP2_NO_ERROR : constants.NGHTTP2_CANCEL);
  };

  if (deadlineAt !== undefined) {
    deadlineTimer = setTimeout(() => {
      cancelUpstream();
      if (!stream.headersSent) {
        sendGatewayAnswer(stream, { code: GrpcCode.DEADLINE_EXCEEDED, message: 'deadline exceeded at the gateway' }, faults);
      } else if (!stream.writableEnded && !stream.closed) {
        trailersOverride = DEADLINE_TRAILERS;
        upstream.unpipe(stream);
        stream.end();
      }
    }, Math.max(0, deadlineAt - performance.now()));
  }

  stream.on('close', () => {
    clearTimeout(deadlineTimer);
    if (!faults.has('deadline-dropped')) cancelUpstream();
  });
  stream.on('wantTrailers', () => {
    stream.sendTrailers(trailersOverride ?? (trailers ? clientTrailers(trailers, faults) : missingTrailers()));
  });

  upstream.on('error', (error) => {
    upstreamError = error;
  });
  upstream.on('response', (headers: IncomingHttpHeaders, flags: number, raw?: string[]) => {
    const response = headerMapFromEvent(headers, raw);
    const trailersOnly = (flags & constants.NGHTTP2_FLAG_END_STREAM) !== 0;
    const out = clientResponseHeaders(response, plan.responseModifiers, faults, trailersOnly);
    if (trailersOnly) upstreamFinished = true;
    if (stream.headersSent || stream.closed) {
      // The fault left this call running after its client went away: read it to its end, or it never closes.
      if (faults.has('deadline-dropped')) upstream.resume();
      return;
    }
    if (trailersOnly) {
      answeredTrailersOnly = true;
      upstream.resume();
      stream.respond(out, { endStream: true });
      return;
    }
    stream.respond(out, { waitForTrailers: true });
    upstream.pipe(stream);
  });
  upstream.on('trailers', (headers: IncomingHttpHeaders, _flags: number, raw?: string[]) => {
    trailers = headerMapFromEvent(headers, raw);
    upstreamFinished = true;
  });
  upstream.on('close', () => {
    clearTimeout(deadlineTimer);
    stream.unpipe(upstream);
    // Whatever the client still sends has nowhere to go: drain it rather than stall its flow control.
    stream.resume();
    if (stream.closed || stream.destroyed || trailersOverride || answeredTrailersOnly) return;
    if (!stream.headersSent) {
      sendGatewayAnswer(stream, unreachable(plan, upstreamError ?? `stream reset with code ${upstream.rstCode}`), faults);
    } else if (!stream.writableEnded && trailers === undefined) {
      // The backend reset a call it had started answering: reset the client's stream the same way.
      stream.close(upstream.rstCode ?? constants.NGHTTP2_INTERNAL_ERROR);
    }
  });

  stream.pipe(upstream);
  for (const mirror of plan.mirrors) startMirror(stream, headers, mirror, upstreams);
}

function unreachable(plan: ForwardPlan, cause: unknown): { code: number; message: string } {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return {
    code: GrpcCode.UNAVAILABLE,
    message: `backend ${plan.backend.config.key} endpoint ${plan.endpoint.ip}:${plan.endpoint.port} unreachable: ${reason}`,
  };
}

// A backend ended its response without trailers: protocol violation, reported as INTERNAL like gRPC clients do.
function missingTrailers(): OutgoingHttpHeaders {
  return { 'grpc-status': '13', 'grpc-message': encodeGrpcMessage('backend response ended without trailers') };
}
