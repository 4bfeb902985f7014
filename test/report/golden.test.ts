import { describe, expect, it } from 'vitest';
import { renderConformanceReport } from '../../harness/report/conformance-report.ts';
import { renderHtmlReport } from '../../harness/report/html-report.ts';
import { renderJunitReport } from '../../harness/report/junit-report.ts';
import { renderMarkdownSummary } from '../../harness/report/markdown-summary.ts';
import { renderTerminalSummary } from '../../harness/report/terminal-summary.ts';
import type { RunResult } from '../../harness/runner/results.ts';
import { FIXTURE_RUN } from './fixture-run.ts';
import { stabilise } from './stabilise.ts';

// Update after an intended change with: npx vitest run --config vitest.unit.config.ts test/report -u
const RENDERERS: [string, (run: RunResult) => string][] = [
  ['conformance-report.yaml', renderConformanceReport],
  ['junit.xml', renderJunitReport],
  ['summary.md', renderMarkdownSummary],
  ['report.html', renderHtmlReport],
  ['terminal.txt', (run) => `${renderTerminalSummary(run, { isTTY: false }).join('\n')}\n`],
  ['terminal-colour.txt', (run) => `${renderTerminalSummary(run, { isTTY: true }).join('\n')}\n`],
];

describe('golden reports of the fixture run', () => {
  const run = stabilise(FIXTURE_RUN);

  it.each(RENDERERS)('%s', async (file, render) => {
    await expect(render(run)).toMatchFileSnapshot(`./__golden__/${file}`);
  });

  it.each(RENDERERS)('%s does not depend on test order', (_file, render) => {
    expect(render({ ...run, tests: [...run.tests].reverse() })).toBe(render(run));
  });

  it.each(RENDERERS)('%s is pure: the same run renders the same bytes twice', (_file, render) => {
    expect(render(run)).toBe(render(run));
  });
});
