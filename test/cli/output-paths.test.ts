import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../harness/runner/results.ts';

// The table of issue 16: every output path the run writes, broken in each way a user meets,
// through the real CLI against the embedded default with one fast test.
const BIN = fileURLToPath(new URL('../../bin/grpcroute-conformance.js', import.meta.url));
const FAST_TEST = 'GRPCExactMethodMatching';
/** A run must end this soon after its own setup and test body are done: it never hangs. */
const END_BOUND_MS = 10_000;
const SETUP_DONE = 'base fixtures ready';
/** Printed once the cluster provider runs, so after the up-front checks passed. */
const PROVIDER_STARTED = 'cluster: ';

let scratch: string;
const mounts: string[] = [];

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const MOUNT_SKIP = canMount() ? undefined : 'needs root and mount(8) for a tmpfs';

async function tmpfs(name: string, options: string): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

function fill(dir: string): void {
  // dd stops with ENOSPC once the tmpfs is full; that is the point.
  execFileSync('sh', ['-c', `dd if=/dev/zero of=${join(dir, 'filler')} bs=4k 2>/dev/null; true`]);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'grpcconf-output-'));
  await mkdir(join(scratch, 'tmp'));
});
afterAll(async () => {
  for (const dir of mounts.splice(0).reverse()) execFileSync('umount', ['-l', dir]);
  await rm(scratch, { recursive: true, force: true });
});

interface Run {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderrLines: string[];
  readonly elapsedMs: number;
  readonly setupDoneMs: number | undefined;
}

/**
 * Runs the CLI; `atProviderStart` runs while the child is stopped (SIGSTOP) right after the
 * cluster provider started, so "the disk filled during the run" happens at a known point.
 */
async function runCli(args: string[], env: Record<string, string>, atProviderStart?: () => void): Promise<Run> {
  const started = performance.now();
  let setupDoneMs: number | undefined;
  const child = execa('node', [BIN, '--run-test', FAST_TEST, ...args], {
    cwd: scratch,
    reject: false,
    env: { CI: 'true', TMPDIR: join(scratch, 'tmp'), ...env },
    extendEnv: false,
    timeout: 120_000,
  });
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    if (buffered.includes(SETUP_DONE) && setupDoneMs === undefined) setupDoneMs = performance.now() - started;
    if (atProviderStart && buffered.includes(PROVIDER_STARTED)) {
      const act = atProviderStart;
      atProviderStart = undefined;
      child.kill('SIGSTOP');
      try {
        act();
      } finally {
        child.kill('SIGCONT');
      }
    }
  });
  const result = await child;
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderrLines: String(result.stderr).split('\n').filter((l) => l.length > 0),
    elapsedMs: performance.now() - started,
    setupDoneMs,
  };
}

/** How long the CLI takes to start and refuse a bad flag here and now: a refused run's own setup. */
let startupMs = 0;

function expectRefusedUpFront(run: Run, line: RegExp): void {
  expect(run.exitCode, run.stderrLines.join('\n')).toBe(2);
  expect(run.stderrLines).toHaveLength(1);
  expect(run.stderrLines[0]).toMatch(line);
  // No provider start means nothing was created in any cluster.
  expect(run.stderrLines.join('\n')).not.toContain(PROVIDER_STARTED);
  expect(run.stdout).toBe('');
  expect(run.elapsedMs).toBeLessThan(startupMs + END_BOUND_MS);
}

async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== 'filler');
}

interface UpFrontCase {
  readonly name: string;
  readonly skip?: string | undefined;
  readonly setup: () => Promise<{ args: string[]; env?: Record<string, string> }>;
  readonly line: RegExp;
}

const FIX_DIR = /; pass --report-dir with a folder you can write to$/;
const FIX_SUMMARY = /; point it at a writable file or unset it$/;

const UP_FRONT: UpFrontCase[] = [
  {
    name: 'report folder through a file',
    setup: async () => {
      await writeFile(join(scratch, 'a-file'), 'x');
      return { args: ['--report-dir', join(scratch, 'a-file', 'x')] };
    },
    line: new RegExp(`^error: report folder .*/a-file/x cannot be used: .*/a-file is a file, not a folder${FIX_DIR.source}`),
  },
  {
    name: 'report folder under /proc',
    setup: async () => ({ args: ['--report-dir', '/proc/nope'] }),
    line: new RegExp(`^error: report folder /proc/nope cannot be used: /proc does not allow new folders \\(ENOENT\\)${FIX_DIR.source}`),
  },
  {
    name: 'report folder on a read-only file system',
    skip: MOUNT_SKIP,
    setup: async () => ({ args: ['--report-dir', join(await tmpfs('read-only', 'ro,size=64k'), 'reports')] }),
    line: new RegExp(`^error: report folder .*/read-only/reports cannot be used: cannot create .*: read-only file system \\(EROFS\\)${FIX_DIR.source}`),
  },
  {
    name: 'report folder on a full file system',
    skip: MOUNT_SKIP,
    setup: async () => {
      const dir = await tmpfs('full', 'size=64k');
      fill(dir);
      return { args: ['--report-dir', dir] };
    },
    line: new RegExp(`^error: report folder .*/full cannot be used: cannot write a file there: no space left on device \\(ENOSPC\\)${FIX_DIR.source}`),
  },
  {
    name: 'GITHUB_STEP_SUMMARY is a folder',
    setup: async () => ({ args: ['--report-dir', join(scratch, 'unused')], env: { GITHUB_STEP_SUMMARY: scratch } }),
    line: new RegExp(`^error: GITHUB_STEP_SUMMARY .* cannot be appended to: .*it is a folder, not a file \\(EISDIR\\)${FIX_SUMMARY.source}`),
  },
  {
    name: 'GITHUB_STEP_SUMMARY on a read-only file system',
    skip: MOUNT_SKIP,
    setup: async () => ({
      args: ['--report-dir', join(scratch, 'unused')],
      env: { GITHUB_STEP_SUMMARY: join(await tmpfs('read-only-summary', 'ro,size=64k'), 'step.md') },
    }),
    line: new RegExp(`^error: GITHUB_STEP_SUMMARY .*/step.md cannot be appended to: .*read-only file system \\(EROFS\\)${FIX_SUMMARY.source}`),
  },
];

describe('an output path that cannot be written is refused before any cluster is touched', () => {
  beforeAll(async () => {
    startupMs = (await runCli(['--gatway-class', 'x'], {})).elapsedMs;
  });

  // One after another: the time bound means something only when runs do not share the cores.
  it.for(UP_FRONT)('$name: exit 2, one line', async (entry, context) => {
    if (entry.skip) return context.skip(entry.skip);
    const { args, env = {} } = await entry.setup();
    const run = await runCli(args, env);
    expectRefusedUpFront(run, entry.line);
    expect(await readdir(scratch), 'the report folder the probe made is gone again').not.toContain('unused');
  });
});

describe('a disk that fills during the run costs neither the results nor the exit code', () => {
  it('report folder full at the end: summary printed, exit 0, results in a fallback file, a second line says so', { timeout: 150_000 }, async (context) => {
    if (MOUNT_SKIP) return context.skip(MOUNT_SKIP);
    const dir = await tmpfs('fills-up', 'size=64k');
    const run = await runCli(['--report-dir', dir], {}, () => fill(dir));

    expect(run.exitCode, run.stderrLines.join('\n')).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 passed, 0 failed/);
    const last = run.stderrLines.at(-1) ?? '';
    expect(last).toMatch(new RegExp(`^error: reports not written to ${dir}: cannot write .*: no space left on device \\(ENOSPC\\); results saved to (.*results\\.json) instead`));
    const fallback = /results saved to (\S+results\.json)/.exec(last)![1]!;
    const results = JSON.parse(await readFile(fallback, 'utf8')) as RunResult;
    const fast = results.tests.find((t) => t.name === FAST_TEST)!;
    expect(fast.outcome).toBe('passed');
    expect(await leftovers(dir), 'no half-written or temporary report').toEqual([]);
    expect(run.stderrLines.join('\n')).not.toMatch(/teardown failed|cleanup failed/);
    expect(run.setupDoneMs).toBeDefined();
    expect(run.elapsedMs).toBeLessThan(run.setupDoneMs! + fast.durationMs + END_BOUND_MS);
  });

  it('GITHUB_STEP_SUMMARY full at the end: reports written, exit 0, the summary file untouched, a second line says so', { timeout: 150_000 }, async (context) => {
    if (MOUNT_SKIP) return context.skip(MOUNT_SKIP);
    const mount = await tmpfs('summary-fills-up', 'size=64k');
    const stepSummary = join(mount, 'step.md');
    await writeFile(stepSummary, 'earlier step\n');
    const reportDir = join(scratch, 'reports-beside-full-summary');
    const run = await runCli(['--report-dir', reportDir], { GITHUB_STEP_SUMMARY: stepSummary }, () => fill(mount));

    expect(run.exitCode, run.stderrLines.join('\n')).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 passed, 0 failed/);
    expect(run.stderrLines.at(-1)).toMatch(/^error: GITHUB_STEP_SUMMARY not appended to: cannot append to .*step\.md: no space left on device \(ENOSPC\)$/);
    expect(await readFile(stepSummary, 'utf8')).toBe('earlier step\n');
    expect((await readdir(reportDir)).sort()).toEqual(['conformance-report.yaml', 'junit.xml', 'report.html', 'results.json', 'summary.md']);
    const results = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8')) as RunResult;
    const fast = results.tests.find((t) => t.name === FAST_TEST)!;
    expect(run.elapsedMs).toBeLessThan(run.setupDoneMs! + fast.durationMs + END_BOUND_MS);
  });
});
