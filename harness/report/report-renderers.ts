import type { RunResult } from '../runner/results.ts';
import { renderConformanceReport } from './conformance-report.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderJunitReport } from './junit-report.ts';
import { renderMarkdownSummary } from './markdown-summary.ts';

/** The file that is also appended to $GITHUB_STEP_SUMMARY. */
export const STEP_SUMMARY_FILE = 'summary.md';

/** Every report file of a run: its name and its pure renderer, in the order they are written. */
export const REPORT_RENDERERS: readonly (readonly [name: string, render: (run: RunResult) => string])[] = [
  ['conformance-report.yaml', renderConformanceReport],
  ['junit.xml', renderJunitReport],
  [STEP_SUMMARY_FILE, renderMarkdownSummary],
  ['report.html', renderHtmlReport],
  ['results.json', (run) => `${JSON.stringify(run, null, 2)}\n`],
];
