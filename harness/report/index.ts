import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../runner/results.ts';
import { renderConformanceReport } from './conformance-report.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderJunitReport } from './junit-report.ts';
import { renderMarkdownSummary } from './markdown-summary.ts';

export { renderTerminalSummary, type TerminalSummaryOptions } from './terminal-summary.ts';

export interface RenderReportsOptions {
  /**
   * The caller's environment; when it has GITHUB_STEP_SUMMARY, summary.md is appended to that
   * file too. Passed in rather than read so rendering stays free of global state.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Every report file of a run, by file name; pure. */
export function renderReportFiles(run: RunResult): [string, string][] {
  return [
    ['conformance-report.yaml', renderConformanceReport(run)],
    ['junit.xml', renderJunitReport(run)],
    ['summary.md', renderMarkdownSummary(run)],
    ['report.html', renderHtmlReport(run)],
    ['results.json', `${JSON.stringify(run, null, 2)}\n`],
  ];
}

/**
 * Writes every report of a run into `dir` (created if needed) and, when asked, appends the
 * Markdown summary to GitHub's step summary; returns the paths written under `dir`.
 */
export async function renderReports(run: RunResult, dir: string, options: RenderReportsOptions = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = renderReportFiles(run);
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFile(path, content, 'utf8');
    written.push(path);
  }
  const stepSummary = options.env?.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    const summary = files.find(([name]) => name === 'summary.md')?.[1] ?? '';
    await appendFile(stepSummary, `${summary}\n`, 'utf8');
  }
  return written;
}
