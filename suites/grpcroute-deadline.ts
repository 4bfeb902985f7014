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

/** The deadline was not honoured end to end: the client waited too long, or the backend kept working. */
class DeadlineNotHonouredError extends Error {
  readonly code = 'GRPCCONF_DEADLINE_NOT_HONOURED';
  constructor(readonly observed: unknown) {
    super(`deadline of ${DEADLINE_MS} ms not honoured: ${JSON.stringify(observed)}`);
    this.name = 'DeadlineNotHonouredError';
  }
}

export const grpcRouteDeadline = defineConformanceTest({
  name: 'GRPCRouteDeadline',
  description: `A ${DEADLINE_MS} ms deadline (grpc-timeout) on an RPC the backend delays ${BACKEND_DELAY_MS} ms ends in DEADLINE_EXCEEDED in time, and the backend's call ends with it`,
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-deadline.yaml'],
  specRefs: [3, 93],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: 'same-namespace', listeners: ['http'] }, routes: [{ name: 'deadline' }] });
    const requestId = `${t.config.runId}-deadline`;
    const name = `backend delays ${BACKEND_DELAY_MS} ms, deadline ${DEADLINE_MS} ms: DEADLINE_EXCEEDED`;
    const slow: GrpcCase = {
      name,
      call: { service: ECHO_PLUS_SERVICE, method: 'Unary', authority: HOST, deadlineMs: DEADLINE_MS, plus: { requestId, delayMs: BACKEND_DELAY_MS } },
      expect: { code: Code.DEADLINE_EXCEEDED },
    };
    const result = await t.step(name, () => t.grpc.expectEventually(gw, slow));
    await t.step(`the client got its answer within ${DEADLINE_MS + SLACK_MS} ms`, async () => {
      if (result.elapsedMs > DEADLINE_MS + SLACK_MS) throw new DeadlineNotHonouredError({ elapsedMs: result.elapsedMs });
    });
    // The request log line is written when the backend's call ends; a call the gateway left running ends only after the delay.
    await t.step('the backend saw the deadline: its calls ended long before the delay', () =>
      t.grpc.converge('the backend request log shows the calls ended early', async () => {
        const lines = (await readEchoRequestLog(t.kube, t.namespaces.infra, 'grpc-infra-backend-v1')).filter((l) => l.requestId === requestId);
        const late = lines.filter((l) => l.durationMs > DEADLINE_MS + SLACK_MS || l.code === Code.OK);
        if (lines.length === 0 || late.length > 0) throw new DeadlineNotHonouredError({ logged: lines.length, late });
        return lines.length;
      }),
    );
  },
});
