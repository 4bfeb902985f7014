import { DEFAULT_GATEWAY_API_VERSION, existsInRelease } from '../../harness/features/release.ts';
/** One run of the suite against the reference gateway started with one fault (or none). */
export interface MutantPlan {
  /** Fault name, or undefined for the clean reference. */
  readonly fault?: string;
  /** Tests that must fail for the mutant to count as killed; undefined: unmapped, any failure kills. */
  readonly expectedTests?: readonly string[];
  /** GRPCROUTE_REFERENCE_CHAOS value, when the run is combined with chaos. */
  readonly chaos?: string;
}

/**
 * Shorter than the defaults, because a mutant dies at a deadline. The clean run keeps the defaults
 * and reports its slowest convergence, which must stay well inside the mutants' deadline.
 */
export const MUTANT_TIMEOUTS = 'maxTimeToConsistency=8s,routeMustHaveParents=15s,gatewayMustBeProgrammed=20s';
/** Chaos delays programming by up to 3 s: mutants under chaos get more room. */
export const CHAOS_MUTANT_TIMEOUTS = 'maxTimeToConsistency=15s,routeMustHaveParents=20s,gatewayMustBeProgrammed=30s';

/** maxTimeToConsistency of a --timeouts value, in ms (undefined when it does not set one). */
export function consistencyDeadlineMs(timeouts: string): number | undefined {
  const match = /maxTimeToConsistency=(\d+(?:\.\d+)?)(ms|s|m)\b/.exec(timeouts);
  if (!match) return undefined;
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
}

/** Every fault as a plan; faults with an expectation entry run only the expected tests. */
export function planMutants(faults: readonly string[], expectations: Readonly<Record<string, readonly string[]>>): MutantPlan[] {
  return faults.map((fault) => {
    // Tests of a later Gateway API release than the run's are neither run nor reported.
    const expectedTests = Object.hasOwn(expectations, fault) ? expectations[fault]?.filter((name) => existsInRelease(name, DEFAULT_GATEWAY_API_VERSION)) : undefined;
    return expectedTests && expectedTests.length > 0 ? { fault, expectedTests } : { fault };
  });
}

/** A readable name for logs: `clean`, `ignore-weights`, `ignore-weights+chaos`. */
export function planLabel(plan: MutantPlan): string {
  return `${plan.fault ?? 'clean'}${plan.chaos ? '+chaos' : ''}`;
}

/** CLI arguments of the plan's run: mutants stop at their first failing test. */
export function planArgs(plan: MutantPlan, timeouts: string | undefined): string[] {
  const args = ['--quiet'];
  if (timeouts) args.push('--timeouts', timeouts);
  if (plan.fault !== undefined) args.push('--fail-fast');
  if (plan.expectedTests) args.push('--run-test', plan.expectedTests.join(','));
  return args;
}

/** The reference gateway's startup config for the plan (its own environment, not the harness's). */
export function planEnv(plan: MutantPlan): Record<string, string> {
  return {
    GRPCROUTE_REFERENCE_FAULTS: plan.fault ?? '',
    GRPCROUTE_REFERENCE_CHAOS: plan.chaos ?? '',
  };
}

/**
 * A mapped mutant's expected tests in batches: the first few, then the rest only if those did not
 * kill it. One failing expected test is enough, and most mutants die in the first batch, so most
 * runs stay small.
 */
export function planBatches(plan: MutantPlan, firstBatch: number): MutantPlan[] {
  const expected = plan.expectedTests;
  if (!expected || expected.length <= firstBatch) return [plan];
  return [
    { ...plan, expectedTests: expected.slice(0, firstBatch) },
    { ...plan, expectedTests: expected.slice(firstBatch) },
  ];
}

/** CLI arguments of a matrix child: every expected test runs to its verdict, none stops the others. */
export function planMatrixArgs(plan: MutantPlan, timeouts: string | undefined): string[] {
  return planArgs(plan, timeouts).filter((arg) => arg !== '--fail-fast');
}
