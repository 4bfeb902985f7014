import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../harness/runner/results.ts';
import { samplePeakRss } from './process-tree-rss.ts';
import type { PeakRss } from './process-tree-rss.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin/grpcroute-conformance.js');

export interface SuiteChildOptions {
  /** CLI arguments; `--report-dir` is added (a private temp dir). */
  readonly args: readonly string[];
  /** Extra environment, e.g. the reference gateway's GRPCROUTE_REFERENCE_FAULTS. */
  readonly env?: Readonly<Record<string, string>>;
  /** Command prefix from detectNetworkIsolation(), or undefined to run in this network namespace. */
  readonly isolation?: readonly string[];
  /** Sample the child's process-tree RSS (Linux). */
  readonly measureRss?: boolean;
  readonly signal?: AbortSignal;
}

export interface SuiteChildRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** reports/results.json of the run; undefined when the run ended before writing it (exit 2). */
  readonly results?: RunResult;
  readonly peakRss?: PeakRss;
}

/** Runs `node bin/grpcroute-conformance.js` once as a child process and collects what it left. */
export async function runSuiteChild(options: SuiteChildOptions): Promise<SuiteChildRun> {
  const reportDir = await mkdtemp(join(tmpdir(), 'grpcconf-child-'));
  try {
    const command = [...(options.isolation ?? []), process.execPath, CLI, ...options.args, '--report-dir', reportDir];
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
      killSignal: 'SIGTERM',
    });
    const rss = options.measureRss && child.pid !== undefined ? samplePeakRss(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exitCode = await new Promise<number>((resolve) => {
      child.on('error', (error) => {
        stderr += `${error.message}\n`;
      });
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const wallMs = performance.now() - started;
    const peakRss = await rss?.stop();
    const results = await readFile(join(reportDir, 'results.json'), 'utf8')
      .then((text) => JSON.parse(text) as RunResult)
      .catch(() => undefined);
    return { exitCode, stdout, stderr, wallMs, results, peakRss };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}
