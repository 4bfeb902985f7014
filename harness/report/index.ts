import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../runner/results.ts';
import { renderConformanceReport } from './conformance-report.ts';

/** Writes every report of a run into `dir` (created if needed); returns the paths written. */
export async function renderReports(run: RunResult, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['conformance-report.yaml', renderConformanceReport(run)],
    ['results.json', `${JSON.stringify(run, null, 2)}\n`],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFile(path, content, 'utf8');
    written.push(path);
  }
  return written;
}
