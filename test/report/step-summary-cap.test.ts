import { readFile, stat, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdownSummary } from '../../harness/report/markdown-summary.ts';
import { fitStepSummary, STEP_SUMMARY_HEADROOM_BYTES, STEP_SUMMARY_LIMIT_BYTES } from '../../harness/report/step-summary-cap.ts';
import { writeRunReports } from '../../harness/report/write-run-reports.ts';
import type { RunResult } from '../../harness/runner/results.ts';
import { FIXTURE_RUN } from './fixture-run.ts';

const CAP = STEP_SUMMARY_LIMIT_BYTES - STEP_SUMMARY_HEADROOM_BYTES;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** 300 failures of FIXTURE_RUN's failed test, each with 8 KiB of status YAML: a summary of about 2.5 MiB. */
function hugeRun(): RunResult {
  const failed = FIXTURE_RUN.tests.find((t) => t.outcome === 'failed')!;
  const yaml = `${'status:\n  conditions:\n    - message: "ümlaut ✓ and a long reason that repeats"\n'.repeat(100)}`;
  const tests = Array.from({ length: 300 }, (_, i) => ({ ...failed, name: `GRPCRouteBloated${i}`, diagnostics: { ...failed.diagnostics!, resourcesYaml: yaml } }));
  return { ...FIXTURE_RUN, tests: [...FIXTURE_RUN.tests, ...tests] };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('fitStepSummary', () => {
  it('leaves a summary that fits alone', () => {
    const summary = renderMarkdownSummary(FIXTURE_RUN);
    expect(fitStepSummary(summary, 200_000, '/r/summary.md')).toBe(summary);
  });

  it('cuts a huge summary at a line below the cap, closes its open blocks and says where the full one is', () => {
    const summary = renderMarkdownSummary(hugeRun());
    expect(bytes(summary)).toBeGreaterThan(2 * STEP_SUMMARY_LIMIT_BYTES);
    const before = 100_000;
    const fitted = fitStepSummary(summary, before, '/runner/reports/summary.md');
    expect(before + bytes(fitted)).toBeLessThanOrEqual(CAP);
    expect(before + bytes(fitted)).toBeGreaterThan(CAP - 16 * 1024);
    expect(fitted.trimEnd().split('\n').at(-1)).toMatch(
      /^\*\*Summary cut at \d+ KiB to stay under GitHub's 1 MiB step-summary limit\*\*; the full summary is \/runner\/reports\/summary\.md, beside the other reports\.$/,
    );
    const body = fitted.slice(0, fitted.lastIndexOf('\n---\n'));
    const closers = body.split('\n').slice(-3);
    expect(closers).toEqual(['```', '</details>', '']);
    expect(summary.startsWith(body.slice(0, body.length - '```\n</details>\n'.length))).toBe(true);
    expect(body.split('\n').filter((l) => /^`{3}/.test(l)).length % 2).toBe(0);
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(fitted).not.toContain('\uFFFD');
  });

  it('appends only the note, or nothing, when the file is already nearly full', () => {
    const summary = renderMarkdownSummary(FIXTURE_RUN);
    expect(fitStepSummary(summary, CAP - 200, undefined)).toMatch(/^\*\*Summary left out to stay under .*the full summary could not be saved \(see the run log\)\.\n$/);
    expect(fitStepSummary(summary, CAP - 10, undefined)).toBe('');
    expect(fitStepSummary(summary, STEP_SUMMARY_LIMIT_BYTES + 5, undefined)).toBe('');
  });
});

describe('writeRunReports and a huge run', () => {
  it('keeps $GITHUB_STEP_SUMMARY under 1 MiB while summary.md on disk has everything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grpcconf-cap-'));
    dirs.push(dir);
    const stepSummary = join(dir, 'step.md');
    await writeFile(stepSummary, `${'an earlier step wrote this\n'.repeat(4000)}`);
    const { failures } = await writeRunReports(hugeRun(), join(dir, 'reports'), { env: { GITHUB_STEP_SUMMARY: stepSummary } });
    expect(failures).toEqual([]);
    expect((await stat(stepSummary)).size).toBeLessThanOrEqual(CAP);
    expect((await stat(join(dir, 'reports', 'summary.md'))).size).toBeGreaterThan(STEP_SUMMARY_LIMIT_BYTES);
    const appended = await readFile(stepSummary, 'utf8');
    expect(appended.startsWith('an earlier step wrote this\n')).toBe(true);
    expect(appended).toContain(`the full summary is ${join(dir, 'reports', 'summary.md')}`);
  });
});
