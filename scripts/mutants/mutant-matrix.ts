import type { RunResult } from '../../harness/runner/results.ts';
import type { MutantPlan } from './mutant-plan.ts';

/** What one expected test did against one fault, in a matrix run. */
export type PairOutcome = 'failed' | 'passed' | 'not-run' | 'error';

export interface PairVerdict {
  readonly fault: string;
  readonly test: string;
  readonly outcome: PairOutcome;
  readonly durationMs?: number;
}

/** The facts of a finished matrix child that the pairs' verdicts need. */
export interface MatrixRun {
  readonly results?: Pick<RunResult, 'tests'>;
}

/**
 * Every expected test of the plan judged on its own: a pair is killed only when that test failed.
 * A run that wrote no results (it never reached the tests) makes each of its pairs an error.
 */
export function judgePairs(plan: MutantPlan, run: MatrixRun): PairVerdict[] {
  const fault = plan.fault ?? 'clean';
  return (plan.expectedTests ?? []).map((test) => {
    if (!run.results) return { fault, test, outcome: 'error' };
    const result = run.results.tests.find((t) => t.name === test);
    if (!result) return { fault, test, outcome: 'not-run' };
    if (result.outcome === 'failed' || result.outcome === 'passed') return { fault, test, outcome: result.outcome, durationMs: result.durationMs };
    return { fault, test, outcome: 'not-run' };
  });
}

/** `K/N` (1-based) of --lane; undefined when the text is not one. */
export function parseLane(text: string): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The plans of lane K of N. Deterministic and balanced by pair count: plans go, heaviest first
 * (ties by name), to the lane holding the fewest pairs so far, so every lane sees the same split
 * on every machine and the lanes together hold every plan exactly once.
 */
export function laneOf<P extends MutantPlan>(plans: readonly P[], index: number, count: number): P[] {
  const weight = (p: MutantPlan): number => p.expectedTests?.length ?? 0;
  const ordered = [...plans].sort((a, b) => weight(b) - weight(a) || (a.fault ?? '').localeCompare(b.fault ?? ''));
  const loads = Array.from({ length: count }, () => 0);
  const lanes: P[][] = Array.from({ length: count }, () => []);
  for (const plan of ordered) {
    const lightest = loads.indexOf(Math.min(...loads));
    lanes[lightest]!.push(plan);
    loads[lightest]! += Math.max(1, weight(plan));
  }
  return lanes[index - 1]!;
}

/**
 * Registered tests that no targeted fault names: blanket faults alone do not show that a test
 * checks its own behaviour.
 */
export function testsWithoutTargetedFault(
  registered: readonly string[],
  expectations: Readonly<Record<string, readonly string[]>>,
  blanket: Readonly<Record<string, string>>,
): string[] {
  const targeted = new Set(Object.entries(expectations).flatMap(([fault, tests]) => (Object.hasOwn(blanket, fault) ? [] : tests)));
  return registered.filter((name) => !targeted.has(name));
}

/**
 * Registered tests killed (observed failing) by at least one targeted fault of the matrix.
 */
export function testsWithTargetedKill(pairs: readonly PairVerdict[], blanket: Readonly<Record<string, string>>): Set<string> {
  return new Set(pairs.filter((p) => p.outcome === 'failed' && !Object.hasOwn(blanket, p.fault)).map((p) => p.test));
}

/** The (fault, test) pairs of the plans, as `fault test` strings: what the doc's table must hold. */
export function planPairs(plans: readonly MutantPlan[]): string[] {
  return plans.flatMap((p) => (p.fault === undefined || p.chaos ? [] : (p.expectedTests ?? []).map((test) => `${p.fault} ${test}`)));
}
