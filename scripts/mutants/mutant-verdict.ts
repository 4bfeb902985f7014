import type { RunResult } from '../../harness/runner/results.ts';
import type { MutantPlan } from './mutant-plan.ts';

/** What one mutant run proved. */
export type MutantVerdict =
  | { readonly kind: 'killed'; readonly by: readonly string[] }
  | { readonly kind: 'killed-unmapped'; readonly by: readonly string[] }
  | { readonly kind: 'survived'; readonly detail: string }
  | { readonly kind: 'error'; readonly detail: string };

/** The facts of a finished run that the verdict needs. */
export interface FinishedRun {
  readonly exitCode: number;
  readonly stderr: string;
  readonly results?: Pick<RunResult, 'tests'>;
}

function lastErrorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  // Node ends an uncaught exception with its own version line; the error is above it.
  return lines.findLast((l) => l.startsWith('error:')) ?? lines.findLast((l) => /Error\b/.test(l)) ?? lines.at(-1) ?? 'no output';
}

/**
 * A mapped mutant is killed only when one of its expected tests failed: a failure elsewhere is
 * not the suite catching this bug. A run that never reached the tests proves nothing either way.
 */
export function judgeMutant(plan: MutantPlan, run: FinishedRun): MutantVerdict {
  if (!run.results) return { kind: 'error', detail: `exit ${run.exitCode} before any test ran: ${lastErrorLine(run.stderr)}` };
  const failed = run.results.tests.filter((t) => t.outcome === 'failed').map((t) => t.name);
  if (!plan.expectedTests) {
    return failed.length > 0 ? { kind: 'killed-unmapped', by: failed } : { kind: 'survived', detail: 'every test passed' };
  }
  const known = new Set(run.results.tests.map((t) => t.name));
  // A test of a later Gateway API release is not in this run at all; the others still judge.
  const present = plan.expectedTests.filter((name) => known.has(name));
  if (present.length === 0) return { kind: 'error', detail: `expectation names unknown test(s) ${plan.expectedTests.join(', ')}` };
  const by = failed.filter((name) => present.includes(name));
  if (by.length > 0) return { kind: 'killed', by };
  const ran = run.results.tests.filter((t) => present.includes(t.name));
  const outcomes = ran.map((t) => `${t.name} ${t.outcome}${t.reason ? ` (${t.reason})` : ''}`).join(', ');
  return { kind: 'survived', detail: failed.length > 0 ? `only unexpected tests failed (${failed.join(', ')}); ${outcomes}` : outcomes };
}

/** True for the verdicts that count as killed in `mutants: K/N killed`. */
export function isKilled(verdict: MutantVerdict): boolean {
  return verdict.kind === 'killed' || verdict.kind === 'killed-unmapped';
}

/** The clean reference must pass every test it ran; returns what went wrong, or undefined. */
export function judgeClean(run: FinishedRun): string | undefined {
  if (!run.results) return `exit ${run.exitCode} before any test ran: ${lastErrorLine(run.stderr)}`;
  const failures = run.results.tests.filter((t) => t.outcome === 'failed');
  if (failures.length > 0) return `failed: ${failures.map((t) => describeFailure(t)).join('; ')}`;
  if (run.exitCode !== 0) return `exit ${run.exitCode}: ${lastErrorLine(run.stderr)}`;
  return undefined;
}

/** The longest any passed case of the run waited for the gateway to converge, in ms. */
export function slowestConvergenceMs(results: Pick<RunResult, 'tests'>): number {
  return Math.max(0, ...results.tests.flatMap((t) => t.cases.filter((c) => c.outcome === 'passed').map((c) => c.convergedAfterMs ?? 0)));
}

/** `Test (case a, case b)`: which test and which of its cases failed. */
export function describeFailure(test: RunResult['tests'][number]): string {
  const cases = test.cases.filter((c) => c.outcome === 'failed').map((c) => c.name);
  return cases.length > 0 ? `${test.name} (${cases.join(', ')})` : `${test.name}: ${test.error ?? 'no case failed'}`;
}
