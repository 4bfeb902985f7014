import { HarnessError } from '../errors.ts';
import type { Mismatch } from './expect.ts';
import { summarizeResult } from './result-summary.ts';
import type { GrpcResult } from './types.ts';

/** One attempt's answer did not meet the expectation. `observed` is the whole result. */
export class ExpectationMismatchError extends HarnessError {
  readonly mismatches: readonly Mismatch[];
  readonly observed: GrpcResult;

  constructor(what: string, mismatches: readonly Mismatch[], result: GrpcResult) {
    const lines = mismatches.map((m) => `  ${m.field}: expected ${JSON.stringify(m.expected)}, observed ${JSON.stringify(m.observed)}`);
    super(
      'GRPCCONF_GRPC_EXPECTATION_MISMATCH',
      `${what}: ${mismatches.length} mismatch(es)\n${lines.join('\n')}\n  last answer: ${JSON.stringify(summarizeResult(result))}`,
      { exitCode: 1, context: { mismatches } },
    );
    this.name = 'ExpectationMismatchError';
    this.mismatches = mismatches;
    this.observed = result;
  }
}

/** The attempt's deadline was shortened to fit the convergence deadline and ran out: no evidence either way. */
export class AttemptCutShortError extends HarnessError {
  readonly inconclusive = true as const;
  readonly observed: GrpcResult;

  constructor(what: string, deadlineMs: number, result: GrpcResult) {
    super('GRPCCONF_GRPC_ATTEMPT_CUT_SHORT', `${what}: last attempt cut short by the convergence deadline (${deadlineMs} ms left)`, { exitCode: 1 });
    this.name = 'AttemptCutShortError';
    this.observed = result;
  }
}

/** A helper call that needs an OK answer (e.g. reflection) did not get one. */
export class GrpcCallError extends HarnessError {
  readonly result: GrpcResult | undefined;

  constructor(what: string, message: string, result?: GrpcResult) {
    super('GRPCCONF_GRPC_CALL_FAILED', `${what}: ${message}`, { exitCode: 1, context: result ? summarizeResult(result) : {} });
    this.name = 'GrpcCallError';
    this.result = result;
  }
}

/** Some cases of a table failed; each was recorded with its own error. */
export class CaseFailuresError extends HarnessError {
  readonly failures: readonly { readonly name: string; readonly error: unknown }[];

  constructor(total: number, failures: readonly { name: string; error: unknown }[]) {
    const first = failures[0]?.error;
    super(
      'GRPCCONF_CASES_FAILED',
      `${failures.length} of ${total} cases failed: ${failures.map((f) => f.name).join('; ')}` +
        (first instanceof Error ? `\nfirst failure: ${first.message}` : ''),
      { exitCode: 1, ...(first === undefined ? {} : { cause: first }) },
    );
    this.name = 'CaseFailuresError';
    this.failures = failures;
  }
}
