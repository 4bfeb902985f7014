import { formatDuration } from '../config/duration.ts';
import type { Colour } from './colour.ts';
import type { TestResult } from './results.ts';

/** `✓ GRPCRouteHeaderMatching (11 cases, 0.4s)`, `✗ …`, `- … skipped: reason`. */
export function formatTestLine(result: TestResult, paint: (c: Colour, t: string) => string = (_c, t) => t): string {
  const cases = result.cases.length === 1 ? '1 case' : `${result.cases.length} cases`;
  switch (result.outcome) {
    case 'passed':
      return `${paint('green', '✓')} ${result.name} (${cases}, ${formatDuration(result.durationMs)})`;
    case 'failed':
      return `${paint('red', '✗')} ${result.name} (${cases}, ${formatDuration(result.durationMs)}): ${result.error ?? 'failed'}`;
    case 'notSupported':
      return `${paint('dim', '-')} ${result.name} not supported: ${result.reason ?? ''}`;
    case 'provisionalSkipped':
    case 'skipped':
      return `${paint('dim', '-')} ${result.name} skipped: ${result.reason ?? ''}`;
  }
}

/** The last line of every run: `N passed, N failed`, then skipped when there are any. */
export function formatTotals(results: readonly TestResult[]): string {
  const passed = results.filter((r) => r.outcome === 'passed').length;
  const failed = results.filter((r) => r.outcome === 'failed').length;
  const skipped = results.length - passed - failed;
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
