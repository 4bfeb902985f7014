import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { RunResult } from '../runner/results.ts';
import { appendWithinDeadline } from './append-bounded.ts';
import { writeFilesAtomically } from './atomic-files.ts';
import { ensureFolder, removeCreatedFolders } from './ensure-folder.ts';
import { REPORT_RENDERERS, STEP_SUMMARY_FILE } from './report-renderers.ts';
import { fitStepSummary } from './step-summary-cap.ts';
import { withinDeadline } from './within-deadline.ts';

/** A whole suite's reports are a few megabytes; past this the disk is hung, not slow. */
export const REPORT_WRITE_DEADLINE_MS = 10_000;
export const STEP_SUMMARY_DEADLINE_MS = 5_000;

export interface WriteRunReportsOptions {
  /** The caller's environment: GITHUB_STEP_SUMMARY, when set, gets summary.md appended. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the fallback folder is made when `dir` cannot be written; default the OS temp dir. */
  readonly fallbackRoot?: string;
}

export interface WrittenReports {
  /** The report files that exist now (in the fallback folder when the report folder failed). */
  readonly written: readonly string[];
  /** One line each for what could not be written; empty when everything was. */
  readonly failures: readonly string[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function writeInto(dir: string, files: readonly (readonly [string, string])[]): Promise<string[]> {
  const paths = files.map(([name, content]) => [join(dir, name), content] as const);
  await withinDeadline(
    (async () => {
      const created = await ensureFolder(dir);
      try {
        await writeFilesAtomically(paths);
      } catch (error) {
        // An empty folder left behind would look like a run that wrote nothing on purpose.
        await removeCreatedFolders(created);
        throw error;
      }
    })(),
    REPORT_WRITE_DEADLINE_MS,
    `writing reports into ${dir}`,
  );
  return paths.map(([path]) => path);
}

async function writeFallback(files: readonly (readonly [string, string])[], root: string): Promise<{ written: string[]; note: string }> {
  try {
    const dir = await mkdtemp(join(root, 'grpcroute-conformance-reports-'));
    return { written: await writeInto(dir, files), note: `results saved to ${join(dir, 'results.json')} instead (with the other reports beside it)` };
  } catch (error) {
    return { written: [], note: `saving them under ${root} failed too (${message(error)}); the summary above is all that is left` };
  }
}

/**
 * Writes a run's reports and never throws: the run's results must survive a bad disk. When the
 * report folder fails, every report goes to a fresh folder in the OS temp dir instead; each
 * problem comes back as one line for the user.
 */
export async function writeRunReports(run: RunResult, dir: string, options: WriteRunReportsOptions = {}): Promise<WrittenReports> {
  const failures: string[] = [];
  const files: [string, string][] = [];
  for (const [name, render] of REPORT_RENDERERS) {
    try {
      files.push([name, render(run)]);
    } catch (error) {
      // One renderer's bug must not cost the other reports (results.json above all).
      failures.push(`${name} not rendered: ${message(error)}`);
    }
  }

  let written: string[] = [];
  try {
    written = await writeInto(dir, files);
  } catch (error) {
    const fallback = await writeFallback(files, options.fallbackRoot ?? tmpdir());
    written = fallback.written;
    failures.push(`reports not written to ${dir}: ${message(error)}; ${fallback.note}`);
  }

  const stepSummary = options.env?.GITHUB_STEP_SUMMARY;
  const summary = files.find(([name]) => name === STEP_SUMMARY_FILE)?.[1];
  if (stepSummary && summary !== undefined) {
    try {
      const full = written.find((path) => basename(path) === STEP_SUMMARY_FILE);
      await appendWithinDeadline(stepSummary, (before) => fitStepSummary(`${summary}\n`, before, full), STEP_SUMMARY_DEADLINE_MS);
    } catch (error) {
      failures.push(`GITHUB_STEP_SUMMARY not appended to: ${message(error)}`);
    }
  }
  return { written, failures };
}
