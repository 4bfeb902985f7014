import type { RunResult, TestResult } from '../runner/results.ts';

/** The run's tests by name (code-point order, not locale), so every report lists them alike. */
export function sortedTests(run: RunResult): TestResult[] {
  return [...run.tests].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
