import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { TLSSocket } from 'node:tls';
import type { Chaos } from './chaos.ts';
import type { FaultSet } from './faults.ts';
import { isForwardPlan, planForward } from './forward-plan.ts';
import { GrpcCode, sendGatewayAnswer, type GatewayAnswer } from './grpc-status.ts';
import { parseGrpcTimeout } from './grpc-timeout.ts';
import { headerMapFromEvent } from './header-map.ts';
import { requestHost } from './listener-select.ts';
import { proxyCall } from './proxy.ts';
import { selectRoute } from './route-select.ts';
import type { ServerTable } from './routing-table.ts';
import type { UpstreamPool } from './upstream-pool.ts';

export interface RequestHandlerContext {
  readonly faults: FaultSet;
  readonly chaos: Chaos;
  readonly upstreams: UpstreamPool;
}

function later(stream: ServerHttp2Stream, delayMs: number, action: () => void): void {
  if (delayMs <= 0) {
    action();
    return;
  }
  const timer = setTimeout(action, delayMs);
  stream.once('close', () => clearTimeout(timer));
}

/**
 * Routes one RPC: listener by host, rule by precedence, filters and backend by the forward plan; then either
 * answers it (trailers-only gRPC status) or proxies it.
 */
export function handleStream(
  context: RequestHandlerContext,
  table: ServerTable,
  stream: ServerHttp2Stream,
  incoming: IncomingHttpHeaders,
  raw: readonly string[] | undefined,
): void {
  const { faults } = context;
  stream.on('error', () => undefined);
  const answer = (result: GatewayAnswer): void => later(stream, context.chaos.answerDelayMs(), () => sendGatewayAnswer(stream, result, faults));

  const headers = headerMapFromEvent(incoming, raw);
  const path = headers.get(':path')?.[0] ?? '';
  const host = requestHost(headers.get(':authority')?.[0] ?? headers.get('host')?.[0], faults);
  const serverName = table.protocol === 'HTTPS' ? (stream.session?.socket as TLSSocket | undefined)?.servername : undefined;
  const selection = selectRoute(table, host, { path, headers }, faults, serverName || undefined);
  if (selection.kind === 'misdirected') {
    // 421 tells the client to open a connection whose SNI matches the authority (Gateway API: SHOULD).
    later(stream, context.chaos.answerDelayMs(), () => {
      if (!stream.headersSent && !stream.closed) stream.respond({ ':status': 421 }, { endStream: true });
    });
    return;
  }
  if (selection.kind === 'no-listener') {
    answer({ code: GrpcCode.UNIMPLEMENTED, message: `no listener on ${table.key} matches host "${host}"` });
    return;
  }
  if (selection.kind === 'no-route') {
    answer({ code: GrpcCode.UNIMPLEMENTED, message: `no route of listener ${selection.listener.name} matches ${path}` });
    return;
  }
  const plan = planForward(selection.rule, headers, faults);
  if (!isForwardPlan(plan)) {
    answer(plan);
    return;
  }
  const timeoutMs = faults.has('deadline-dropped') ? undefined : parseGrpcTimeout(headers.get('grpc-timeout')?.[0]);
  const deadlineAt = timeoutMs === undefined ? undefined : performance.now() + timeoutMs;
  later(stream, context.chaos.answerDelayMs(), () => {
    if (stream.closed || stream.destroyed) return;
    if (deadlineAt !== undefined && performance.now() >= deadlineAt) {
      sendGatewayAnswer(stream, { code: GrpcCode.DEADLINE_EXCEEDED, message: 'deadline exceeded at the gateway' }, faults);
      return;
    }
    proxyCall(stream, plan, deadlineAt, context);
  });
}
