import type { TimeoutConfig } from '../config/types.ts';
import type { GatewayAddress } from '../kube/types.ts';
import type { CaseResult } from '../runner/results.ts';
import { CaseChannel } from './case-channel.ts';
import { caseName } from './case-name.ts';
import type { CallDefaults } from './channel-call.ts';
import { converge, ConvergenceTimeoutError } from './converge.ts';
import type { ConvergeSettings, Converged } from './converge.ts';
import { sendEchoCall } from './echo-client.ts';
import { AttemptCutShortError, CaseFailuresError, ExpectationMismatchError } from './errors.ts';
import { compareResult } from './expect.ts';
import { listServicesViaReflection } from './reflection.ts';
import { summarizeCall, summarizeResult } from './result-summary.ts';
import { ECHO_PLUS_SERVICE } from './types.ts';
import type { ConvergeOptions, GrpcCall, GrpcCase, GrpcHelpers, GrpcResult } from './types.ts';

const DEADLINE_EXCEEDED = 4;

export interface GrpcHelperDeps {
  readonly timeouts: TimeoutConfig;
  readonly infraNamespace: string;
  readonly recordCase?: (c: CaseResult) => void;
  readonly signal?: AbortSignal;
  readonly log?: (m: string) => void;
}

/** The suite's gRPC helpers, bound to the run's timeouts, the test's abort signal and case recorder. */
export function createGrpcHelpers(deps: GrpcHelperDeps): GrpcHelpers {
  const { timeouts } = deps;
  const defaults = (deadlineCapMs?: number): CallDefaults => ({
    requestTimeoutMs: deadlineCapMs === undefined ? timeouts.requestTimeout : Math.max(1, Math.min(timeouts.requestTimeout, deadlineCapMs)),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const settings = (options?: ConvergeOptions): ConvergeSettings => ({
    successes: options?.successes ?? timeouts.requiredConsecutiveSuccesses,
    timeoutMs: options?.timeoutMs ?? timeouts.maxTimeToConsistency,
    intervalMs: options?.intervalMs ?? timeouts.pollInterval,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });
  const plus = (call: GrpcCall, method: string): GrpcCall => ({ ...call, service: ECHO_PLUS_SERVICE, method });

  async function eventually(gw: GatewayAddress, c: GrpcCase, name: string, options?: ConvergeOptions): Promise<Converged<GrpcResult>> {
    // One channel for the case's attempts; a failed attempt renews it, so a retry dials afresh.
    const channel = new CaseChannel(gw, c.call);
    try {
      return await converge(
        name,
        async ({ remainingMs }) => {
          // A call never outlives the convergence deadline, nor an explicit per-call deadline.
          const wanted = c.call.deadlineMs ?? timeouts.requestTimeout;
          const call = c.call.deadlineMs === undefined ? c.call : { ...c.call, deadlineMs: Math.min(c.call.deadlineMs, remainingMs) };
          const result = await sendEchoCall(gw, call, defaults(remainingMs), channel);
          const compared = compareResult(result, c.expect, { call: c.call, defaultNamespace: deps.infraNamespace });
          const mismatches = compared.length === 0 && c.alsoExpect ? c.alsoExpect(result) : compared;
          if (mismatches.length === 0) return result;
          channel.renew();
          if (result.code === DEADLINE_EXCEEDED && remainingMs < wanted) throw new AttemptCutShortError(name, remainingMs, result);
          throw new ExpectationMismatchError(name, mismatches, result);
        },
        settings(options),
      );
    } finally {
      channel.close();
    }
  }

  return {
    send: (gw, call) => sendEchoCall(gw, call, defaults()),
    serverStream: (gw, call) => sendEchoCall(gw, plus(call, 'ServerStream'), defaults()),
    clientStream: (gw, call) => sendEchoCall(gw, plus(call, 'ClientStream'), defaults()),
    bidiStream: (gw, call) => sendEchoCall(gw, plus(call, 'Bidi'), defaults()),
    async expectEventually(gw, c, options) {
      return (await eventually(gw, c, c.name ?? caseName(c, 0), options)).value;
    },
    async expectOnce(gw, c) {
      const result = await sendEchoCall(gw, c.call, defaults());
      const compared = compareResult(result, c.expect, { call: c.call, defaultNamespace: deps.infraNamespace });
      const mismatches = compared.length === 0 && c.alsoExpect ? c.alsoExpect(result) : compared;
      if (mismatches.length > 0) throw new ExpectationMismatchError(c.name ?? caseName(c, 0), mismatches, result);
      return result;
    },
    async expectCases(gw, cases, options) {
      const outcomes = await Promise.all(
        cases.map(async (c, index) => {
          const name = c.name ?? caseName(c, index);
          const started = performance.now();
          const expected = { call: summarizeCall(c.call), expect: c.expect };
          try {
            const converged = await eventually(gw, c, name, options);
            deps.recordCase?.({
              name,
              outcome: 'passed',
              durationMs: Math.round(performance.now() - started),
              attempts: converged.attempts,
              convergedAfterMs: converged.firstSuccessAfterMs,
              expected,
              observed: summarizeResult(converged.value),
            });
            return undefined;
          } catch (error) {
            const last = error instanceof ConvergenceTimeoutError ? (error.lastObserved as GrpcResult | undefined) : undefined;
            deps.recordCase?.({
              name,
              outcome: 'failed',
              durationMs: Math.round(performance.now() - started),
              ...(error instanceof ConvergenceTimeoutError ? { attempts: error.attempts } : {}),
              expected,
              ...(last ? { observed: summarizeResult(last) } : {}),
              error: error instanceof Error ? error.message : String(error),
            });
            return { name, error };
          }
        }),
      );
      const failures = outcomes.filter((o): o is { name: string; error: unknown } => o !== undefined);
      if (failures.length > 0) throw new CaseFailuresError(cases.length, failures);
    },
    async converge(what, check, options) {
      return (await converge(what, () => check(), settings(options))).value;
    },
    reflectionListServices: (gw, call) => listServicesViaReflection(gw, call, defaults()),
    openChannel(gw, identity) {
      const channel = new CaseChannel(gw, identity);
      return {
        send: (call) => sendEchoCall(gw, call, defaults(), channel),
        renew: () => channel.renew(),
        close: () => channel.close(),
      };
    },
  };
}
