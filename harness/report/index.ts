import { join } from 'node:path';
import type { RunResult } from '../runner/results.ts';
import { appendWithinDeadline } from './append-bounded.ts';
import { writeFilesAtomically } from './atomic-files.ts';
import { ensureFolder } from './ensure-folder.ts';
import { REPORT_RENDERERS, STEP_SUMMARY_FILE } from './report-renderers.ts';
import { fitStepSummary } from './step-summary-cap.ts';
import { STEP_SUMMARY_DEADLINE_MS } from './write-run-reports.ts';

export { renderTerminalSummary, type TerminalSummaryOptions } from './terminal-summary.ts';
export { writeRunReports, type WriteRunReportsOptions, type WrittenReports } from './write-run-reports.ts';
export { probeAppendTarget, probeReportFolder } from './probe-output-paths.ts';
export { OutputPathError } from './fs-reason.ts';

export interface RenderReportsOptions {
  /**
   * The caller's environment; when it has GITHUB_STEP_SUMMARY, summary.md is appended to that
   * file too. Passed in rather than read so rendering stays free of global state.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Every report file of a run, by file name; pure. */
export function renderReportFiles(run: RunResult): [string, string][] {
  return REPORT_RENDERERS.map(([name, render]) => [name, render(run)]);
}

/**
 * Writes every report of a run into `dir` (created if needed, each file atomically) and, when
 * asked, appends the Markdown summary to GitHub's step summary; returns the paths written under
 * `dir`. Throws on the first failure; a run uses writeRunReports, which falls back instead.
 */
export async function renderReports(run: RunResult, dir: string, options: RenderReportsOptions = {}): Promise<string[]> {
  await ensureFolder(dir);
  const files = renderReportFiles(run).map(([name, content]) => [join(dir, name), content] as const);
  await writeFilesAtomically(files);
  const stepSummary = options.env?.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    const full = join(dir, STEP_SUMMARY_FILE);
    const summary = files.find(([path]) => path === full)?.[1] ?? '';
    await appendWithinDeadline(stepSummary, (before) => fitStepSummary(`${summary}\n`, before, full), STEP_SUMMARY_DEADLINE_MS);
  }
  return files.map(([path]) => path);
}
