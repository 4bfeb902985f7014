import type { CaseResult, RunResult, TestResult } from '../../harness/runner/results.ts';

const STABLE_START = '2000-01-01T00:00:00.000Z';
const STABLE_FINISH = '2000-01-01T00:00:01.000Z';

// Stack frames hold absolute paths and line numbers that move with every edit.
const withoutStack = (text: string | undefined): string | undefined =>
  text?.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');

const round = (ms: number): number => Math.round(ms / 100) * 100;

function stabiliseCase(c: CaseResult): CaseResult {
  return {
    ...c,
    durationMs: round(c.durationMs),
    ...(c.convergedAfterMs === undefined ? {} : { convergedAfterMs: round(c.convergedAfterMs) }),
    ...(c.error === undefined ? {} : { error: withoutStack(c.error) }),
  };
}

function stabiliseTest(t: TestResult): TestResult {
  return {
    ...t,
    durationMs: round(t.durationMs),
    cases: t.cases.map(stabiliseCase),
    ...(t.error === undefined ? {} : { error: withoutStack(t.error) }),
  };
}

/**
 * A run with its volatile parts blanked, so a golden file compares what reporters decide and
 * not when or how fast: fixed timestamps, durations to the nearest 100 ms, no stack frames.
 */
export function stabilise(run: RunResult): RunResult {
  return { ...run, startedAt: STABLE_START, finishedAt: STABLE_FINISH, tests: run.tests.map(stabiliseTest) };
}
