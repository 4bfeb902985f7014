import type { TestOutcome } from '../runner/results.ts';

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
