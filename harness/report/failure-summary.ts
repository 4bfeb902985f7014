import type { CaseResult, TestResult } from '../runner/results.ts';
import { formatCaseValue } from './case-value.ts';
import { stripAnsi } from './strip-ansi.ts';

/** The first failed case of a test, which is what a reader looks at first. */
export function firstFailingCase(test: TestResult): CaseResult | undefined {
  return test.cases.find((c) => c.outcome === 'failed');
}

/** One line: `case: expected X, observed Y (error)`, or the test's own error when no case failed. */
export function failureSummary(test: TestResult): string {
  const failing = firstFailingCase(test);
  if (!failing) return stripAnsi(test.error ?? test.reason ?? 'failed');
  const parts: string[] = [];
  if (failing.expected !== undefined || failing.observed !== undefined) {
    parts.push(`expected ${formatCaseValue(failing.expected)}, observed ${formatCaseValue(failing.observed)}`);
  }
  if (failing.error) parts.push(parts.length > 0 ? `(${stripAnsi(failing.error)})` : stripAnsi(failing.error));
  return `${failing.name}: ${parts.join(' ') || 'failed'}`;
}
