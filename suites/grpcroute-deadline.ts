import { Feature } from '../harness/features/features.ts';
import { ECHO_PLUS_SERVICE } from '../harness/grpc/types.ts';
import type { GrpcCase } from '../harness/grpc/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { readEchoRequestLog } from './echo-request-log.ts';
import { Code } from './grpc-codes.ts';

const HOST = 'deadline.grpc.example';
const DEADLINE_MS = 1_000;
const BACKEND_DELAY_MS = 10_000;
// Room for scheduling on a loaded 2-core runner; far below the backend's delay.
const SLACK_MS = 1_500;

/** The backend's call outlived the client's deadline: the gateway passed on neither grpc-timeout nor the cancellation. */
class DeadlineNotPropagatedError extends Error {
  readonly code = 'GRPCCONF_DEADLINE_NOT_PROPAGATED';
  constructor(readonly observed: unknown) {
    super(`the backend's calls did not end with the client's ${DEADLINE_MS} ms deadline: ${JSON.stringify(observed)}`);
    this.name = 'DeadlineNotPropagatedError';
  }
}

/**
 * No Gateway API statement requires deadline propagation, so this runs only for implementations
 * that claim GRPCRouteDeadlinePropagation. The client's own DEADLINE_EXCEEDED and its timing are
 * decided by the client library whatever the gateway does, so they are the stimulus, not a verdict:
 * the verdict is the backend's request log, which only the gateway can get wrong.
 */
export const grpcRouteDeadline = defineConformanceTest({
  name: 'GRPCRouteDeadline',
  description: `A ${DEADLINE_MS} ms deadline (grpc-timeout) on an RPC the backend delays ${BACKEND_DELAY_MS} ms ends the backend's call too, long before the delay`,
  features: [Feature.Gateway, Feature.GRPCRoute, Feature.GRPCRouteDeadlinePropagation],
  manifests: ['grpcroute-deadline.yaml'],
  // #93 is the Accepted wait; the deadline verdict rests on the feature claim, not on a statement.
  specRefs: [93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: 'same-namespace', listeners: ['http'] }, routes: [{ name: 'deadline' }] });
    const requestId = `${t.config.runId}-deadline`;
    const name = `backend delays ${BACKEND_DELAY_MS} ms, deadline ${DEADLINE_MS} ms`;
    const slow: GrpcCase = {
      name,
      call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST, deadlineMs: DEADLINE_MS, plus: { requestId, delayMs: BACKEND_DELAY_MS } },
      expect: { code: Code.DEADLINE_EXCEEDED },
    };
    await t.step(`${name}: the calls are sent`, () => t.grpc.expectEventually(gw, slow));
    // The request log line is written when the backend's call ends; a call the gateway left running ends only after the delay.
    await t.step('the backend saw the deadline: every call reached it and ended long before the delay', () =>
      t.grpc.converge('the backend request log shows the calls ended early', async () => {
        const lines = (await readEchoRequestLog(t.kube, t.namespaces.infra, 'grpc-infra-backend-v1')).filter((l) => l.requestId === requestId);
        const late = lines.filter((l) => l.durationMs > DEADLINE_MS + SLACK_MS || l.code === Code.OK);
        if (lines.length === 0 || late.length > 0) throw new DeadlineNotPropagatedError({ logged: lines.length, late });
        return lines.length;
      }),
    );
  },
});
