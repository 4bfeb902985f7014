import type { TestOutcome, TestResult } from '../runner/results.ts';

const LABELS: Readonly<Record<TestOutcome, string>> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  notSupported: 'not supported',
  provisionalSkipped: 'provisional, skipped',
};

/** How reports spell an outcome for people. */
export function outcomeLabel(outcome: TestOutcome): string {
  return LABELS[outcome];
}

/** The three columns every table uses: notSupported and provisionalSkipped are skips there. */
export type OutcomeColumn = 'passed' | 'failed' | 'skipped';

export function outcomeColumn(outcome: TestOutcome): OutcomeColumn {
  return outcome === 'passed' || outcome === 'failed' ? outcome : 'skipped';
}

/** Why a test did not run, with the features it lacked when the runner named them. */
export function notRunReason(test: TestResult): string {
  const missing = test.missingFeatures?.length ? ` (missing ${test.missingFeatures.join(', ')})` : '';
  return `${test.reason ?? ''}${missing}`;
}

/** A test's spec statement numbers in ascending order. */
export function sortedSpecRefs(test: TestResult): number[] {
  return [...test.specRefs].sort((a, b) => a - b);
}
