import type { CaseResult, RunResult, TestResult } from '../runner/results.ts';
import { formatCaseValue } from './case-value.ts';
import { diagnosticsYaml } from './diagnostics-yaml.ts';
import { failureSummary } from './failure-summary.ts';
import { escapeMarkup } from './markup-escape.ts';
import { notRunReason, outcomeLabel, sortedSpecRefs } from './outcome-words.ts';
import { sortedTests } from './sorted-tests.ts';
import { stripAnsi } from './strip-ansi.ts';
import { SUITE_VERSION } from '../version.ts';

const SUITE = 'grpcroute-conformance';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

// Raw line breaks in attributes are normalised to spaces by XML readers; references survive.
const attribute = (name: string, value: string | number): string =>
  `${name}="${escapeMarkup(String(value)).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')}"`;

function caseLines(c: CaseResult): string[] {
  const facts = [`${c.outcome}`, `${c.durationMs}ms`];
  if (c.attempts !== undefined) facts.push(`${c.attempts} attempts`);
  if (c.convergedAfterMs !== undefined) facts.push(`converged after ${c.convergedAfterMs}ms`);
  const lines = [`- ${c.name}: ${facts.join(', ')}`];
  if (c.expected !== undefined) lines.push(`    expected: ${formatCaseValue(c.expected)}`);
  if (c.observed !== undefined) lines.push(`    observed: ${formatCaseValue(c.observed)}`);
  if (c.error) lines.push(`    error: ${stripAnsi(c.error)}`);
  return lines;
}

function systemOut(test: TestResult): string {
  const lines = [
    `features: ${test.features.join(', ')}`,
    ...(test.specRefs.length > 0 ? [`spec statements: ${sortedSpecRefs(test).join(', ')}`] : []),
    ...(test.cases.length > 0 ? ['cases:', ...test.cases.flatMap(caseLines)] : []),
  ];
  return `<system-out>${escapeMarkup(lines.join('\n'))}</system-out>`;
}

function failureBody(test: TestResult): string {
  const parts = [failureSummary(test)];
  if (test.error && test.cases.some((c) => c.outcome === 'failed')) parts.push(stripAnsi(test.error));
  if (test.diagnostics) parts.push(diagnosticsYaml(test.diagnostics).trimEnd());
  return parts.join('\n\n');
}

function outcomeElement(test: TestResult): string | undefined {
  switch (test.outcome) {
    case 'passed':
      return undefined;
    case 'failed':
      return `<failure ${attribute('message', failureSummary(test))} type="failed">${escapeMarkup(failureBody(test))}</failure>`;
    case 'skipped':
    case 'notSupported':
    case 'provisionalSkipped':
      return `<skipped ${attribute('message', `${outcomeLabel(test.outcome)}: ${notRunReason(test)}`.trimEnd())}/>`;
  }
}

function testcase(test: TestResult): string {
  const head = `<testcase ${attribute('classname', `${SUITE}.${test.level}`)} ${attribute('name', test.name)} ${attribute('time', seconds(test.durationMs))}>`;
  const body = [outcomeElement(test), systemOut(test)].filter((x): x is string => x !== undefined);
  return [`    ${head}`, ...body.map((line) => `      ${line}`), '    </testcase>'].join('\n');
}

function properties(run: RunResult): string {
  const entries: [string, string][] = [
    ['cluster', run.cluster],
    ['featureSource', run.featureSource],
    ['gatewayAPIChannel', run.gatewayAPIChannel],
    ['gatewayAPIVersion', run.gatewayAPIVersion],
    ['gatewayClass', run.gatewayClass],
    ['mode', run.mode],
    // The suite's own version (package, echo image tag): upstream's report schema has no field for it.
    ['suiteVersion', SUITE_VERSION],
    ['supportedFeatures', [...run.supportedFeatures].sort().join(',')],
  ];
  return ['    <properties>', ...entries.map(([k, v]) => `      <property ${attribute('name', k)} ${attribute('value', v)}/>`), '    </properties>'].join('\n');
}

/** JUnit XML: one testcase per conformance test, its cases listed in system-out. */
export function renderJunitReport(run: RunResult): string {
  const tests = sortedTests(run);
  const failures = tests.filter((t) => t.outcome === 'failed').length;
  const skipped = tests.filter((t) => t.outcome !== 'passed' && t.outcome !== 'failed').length;
  const elapsed = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  const time = seconds(Number.isFinite(elapsed) ? Math.max(0, elapsed) : 0);
  const counts = `${attribute('tests', tests.length)} ${attribute('failures', failures)} errors="0" ${attribute('skipped', skipped)} ${attribute('time', time)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attribute('name', SUITE)} ${counts}>`,
    `  <testsuite ${attribute('name', SUITE)} ${counts} ${attribute('timestamp', run.startedAt)}>`,
    properties(run),
    ...tests.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
