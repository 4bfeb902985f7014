import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'grpcroute-conformance.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI as its own process (the control-plane provider re-executes it in a network namespace). */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; command?: readonly string[]; onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void } = {}): Promise<CliRun> {
  const started = Date.now();
  const [file, ...prefix] = options.command ?? [];
  const child = spawn(file ?? process.execPath, [...prefix, ...(file ? [process.execPath] : []), CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    options.onStderr?.(stderr, (signal) => child.kill(signal));
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 1), stdout, stderr, ms: Date.now() - started })));
}

/** The network namespace a run announced on stderr, if it got as far as making one. */
export function announcedNamespace(stderr: string): string | undefined {
  return /^control-plane: network namespace ([^\s,]+)/m.exec(stderr)?.[1];
}

/** The run folder (the control plane's files, logs and etcd data) a run announced, if any. */
export function announcedRunFolder(stderr: string): string | undefined {
  return /^control-plane: network namespace \S+, run folder (\S+)/m.exec(stderr)?.[1];
}

/** Whether the run's own network namespace still exists (other tests' namespaces may come and go meanwhile). */
export function namespaceLeft(stderr: string): string | undefined {
  const name = announcedNamespace(stderr);
  if (!name) return undefined;
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return out.split('\n').some((l) => l.split(' ')[0] === name) ? name : undefined;
}

/** Processes whose command line names the run's folder: the run's etcd, kube-apiserver and kube-controller-manager. */
export function processesOfRun(stderr: string): string[] {
  const folder = announcedRunFolder(stderr);
  if (!folder) return [];
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(folder) && !l.includes('ps -eo')).map((l) => l.trim());
}

export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('error:'));
}
