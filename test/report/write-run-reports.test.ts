import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendWithinDeadline } from '../../harness/report/append-bounded.ts';
import { writeFilesAtomically } from '../../harness/report/atomic-files.ts';
import { ensureFolder } from '../../harness/report/ensure-folder.ts';
import { probeAppendTarget, probeReportFolder } from '../../harness/report/probe-output-paths.ts';
import { sweepStaleTemporaries } from '../../harness/report/sweep-stale-temporaries.ts';
import { writeRunReports } from '../../harness/report/write-run-reports.ts';
import { renderMarkdownSummary } from '../../harness/report/markdown-summary.ts';
import { FIXTURE_RUN } from './fixture-run.ts';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'grpcconf-write-'));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('ensureFolder', () => {
  it('makes missing parents one by one and returns them', async () => {
    const dir = await tempDir();
    expect(await ensureFolder(join(dir, 'a', 'b'))).toEqual([join(dir, 'a'), join(dir, 'a', 'b')]);
    expect(await ensureFolder(join(dir, 'a', 'b'))).toEqual([]);
  });

  it('names the file in the way and refuses /proc at once instead of looping', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), 'x');
    await expect(ensureFolder(join(dir, 'file', 'x', 'y'))).rejects.toThrow(`${join(dir, 'file')} is a file, not a folder`);
    await expect(ensureFolder('/proc/grpcconf-nope')).rejects.toThrow('/proc does not allow new folders (ENOENT)');
  });
});

describe('writeFilesAtomically', () => {
  it('replaces nothing when any file of the set fails, and leaves no temporary files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'old a');
    await mkdir(join(dir, 'blocked'));
    await expect(
      writeFilesAtomically([
        [join(dir, 'a.txt'), 'new a'],
        [join(dir, 'blocked', 'missing', 'b.txt'), 'new b'],
      ]),
    ).rejects.toThrow(/^cannot write .*b\.txt: no such file or folder \(ENOENT\)$/);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'blocked']);
  });
});

describe('probes', () => {
  it('leave nothing behind: no probe file, no folder they made', async () => {
    const dir = await tempDir();
    await probeReportFolder(join(dir, 'new', 'reports'));
    await probeAppendTarget(join(dir, 'step-summary.md'));
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuse a pipe as the step summary instead of blocking on it', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(probeAppendTarget(fifo)).rejects.toThrow(/nothing reads from it|not a regular file/);
    await expect(probeAppendTarget(dir)).rejects.toThrow('it is a folder, not a file (EISDIR)');
  });
});

describe('appendWithinDeadline', () => {
  it('appends to what earlier steps wrote', async () => {
    const file = join(await tempDir(), 'summary.md');
    await writeFile(file, 'earlier\n');
    await appendWithinDeadline(file, 'ours\n', 1000);
    expect(await readFile(file, 'utf8')).toBe('earlier\nours\n');
  });
});

describe('writeRunReports', () => {
  it('writes every report and appends the step summary when all paths work', async () => {
    const dir = await tempDir();
    const stepSummary = join(dir, 'step.md');
    const { written, failures } = await writeRunReports(FIXTURE_RUN, join(dir, 'reports'), { env: { GITHUB_STEP_SUMMARY: stepSummary } });
    expect(failures).toEqual([]);
    expect(written).toHaveLength(5);
    expect(await readFile(stepSummary, 'utf8')).toBe(`${renderMarkdownSummary(FIXTURE_RUN)}\n`);
  });

  it('never throws: an unwritable folder sends every report to a fallback folder and says where', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'file'), 'x');
    const { written, failures } = await writeRunReports(FIXTURE_RUN, join(root, 'file', 'reports'), {
      fallbackRoot: root,
      env: { GITHUB_STEP_SUMMARY: root },
    });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^reports not written to .*file\/reports: .*file is a file, not a folder; results saved to .*results\.json instead/);
    expect(failures[1]).toMatch(/^GITHUB_STEP_SUMMARY not appended to: cannot append to .*: it is a folder, not a file \(EISDIR\)$/);
    const results = written.find((p) => p.endsWith('results.json'))!;
    expect(failures[0]).toContain(results);
    expect(dirname(dirname(results))).toBe(root);
    expect(JSON.parse(await readFile(results, 'utf8'))).toEqual(FIXTURE_RUN);
  });
});

describe('sweepStaleTemporaries', () => {
  it('removes the temporary files of a writer that is gone, keeps a live writer’s and the reports', async () => {
    const dir = await tempDir();
    const dead = execFileSync('sh', ['-c', 'echo $$']).toString().trim();
    const names = [`.junit.xml.${dead}.0badf00d.tmp`, `.junit.xml.${process.pid}.0badf00d.tmp`, 'junit.xml'];
    for (const name of names) await writeFile(join(dir, name), 'x');
    expect(await sweepStaleTemporaries(dir)).toEqual([names[0]]);
    expect((await readdir(dir)).sort()).toEqual(names.slice(1).sort());
  });
});
