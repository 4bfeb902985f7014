import { formatDuration } from '../config/duration.ts';
import type { RunResult, TestResult } from '../runner/results.ts';
import { formatCaseValue } from './case-value.ts';
import { diagnosticsYaml } from './diagnostics-yaml.ts';
import { featureRows, levelRows, totalTally } from './feature-tally.ts';
import { markdownCell, markdownCodeBlock, markdownTable } from './markdown-text.ts';
import { notRunReason, outcomeLabel, sortedSpecRefs } from './outcome-words.ts';
import { sortedTests } from './sorted-tests.ts';
import { submittability } from './submittable.ts';
import { stripAnsi } from './strip-ansi.ts';

const MARKS: Readonly<Record<TestResult['outcome'], string>> = {
  passed: '✅',
  failed: '❌',
  skipped: '⏭️',
  notSupported: '➖',
  provisionalSkipped: '⏭️',
};

function submittedLine(run: RunResult): string {
  const verdict = submittability(run.implementation);
  return verdict.submittable
    ? 'conformance-report.yaml is submittable upstream.'
    : `conformance-report.yaml is **not submittable** upstream: ${markdownCell(verdict.reasons.join('; '))}.`;
}

function header(run: RunResult): string {
  const total = totalTally(run);
  return [
    `# GRPCRoute conformance: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
    '',
    `GatewayClass \`${run.gatewayClass}\` on the ${run.cluster} cluster, mode \`${run.mode}\`, Gateway API ` +
      `${run.gatewayAPIVersion} (${run.gatewayAPIChannel}), features ${run.featureSource}. Finished ${run.finishedAt}.`,
    '',
    submittedLine(run),
  ].join('\n');
}

function featureSection(run: RunResult): string {
  const rows = featureRows(run)
    .filter((r) => r.passed + r.failed + r.skipped > 0 || r.supported)
    .map((r) => [`\`${r.feature}\``, r.level, r.supported ? 'yes' : 'no', `${r.passed}`, `${r.failed}`, `${r.skipped}`]);
  const levels = levelRows(run).map((r) => [r.level, `${r.passed}`, `${r.failed}`, `${r.skipped}`]);
  return [
    '## Features',
    '',
    markdownTable(['Level', 'Passed', 'Failed', 'Skipped'], levels),
    '',
    'Tests that need each feature (a test needing several counts in each row):',
    '',
    markdownTable(['Feature', 'Level', 'Supported', 'Passed', 'Failed', 'Skipped'], rows),
  ].join('\n');
}

function testsSection(run: RunResult): string {
  const rows = sortedTests(run).map((t) => [
    `${MARKS[t.outcome]} ${t.name}`,
    t.level,
    outcomeLabel(t.outcome),
    `${t.cases.length}`,
    t.outcome === 'passed' || t.outcome === 'failed' ? formatDuration(t.durationMs) : '',
    sortedSpecRefs(t).join(', '),
    markdownCell(t.outcome === 'passed' ? '' : t.outcome === 'failed' ? (t.error ?? '') : notRunReason(t)),
  ]);
  return ['## Tests', '', markdownTable(['Test', 'Level', 'Outcome', 'Cases', 'Duration', 'Spec', 'Note'], rows)].join('\n');
}

function failure(test: TestResult): string {
  const failing = test.cases.filter((c) => c.outcome === 'failed');
  const parts = [`### ❌ ${test.name}`, '', markdownCell(test.description)];
  if (test.error) parts.push('', markdownCodeBlock(stripAnsi(test.error)));
  if (failing.length > 0) {
    const rows = failing.map((c) => [
      markdownCell(c.name),
      markdownCell(formatCaseValue(c.expected)),
      markdownCell(formatCaseValue(c.observed)),
      markdownCell(c.error ?? ''),
    ]);
    parts.push('', markdownTable(['Case', 'Expected', 'Observed', 'Error'], rows));
  }
  if (test.diagnostics) {
    const yaml = diagnosticsYaml(test.diagnostics);
    if (yaml) parts.push('', '<details><summary>Route status and diagnostics (YAML)</summary>', '', markdownCodeBlock(yaml, 'yaml'), '', '</details>');
  }
  return parts.join('\n');
}

/** summary.md: totals, the per-feature and per-test tables, then each failure with its status YAML. */
export function renderMarkdownSummary(run: RunResult): string {
  const failures = sortedTests(run).filter((t) => t.outcome === 'failed');
  const sections = [header(run), featureSection(run), testsSection(run)];
  if (failures.length > 0) sections.push(['## Failures', ...failures.map(failure)].join('\n\n'));
  return `${sections.join('\n\n')}\n`;
}
