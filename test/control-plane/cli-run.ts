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

/** Our network namespaces (grpcconf-*) that exist now. */
export function ourNetworkNamespaces(): string[] {
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return out.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith('grpcconf-'));
}

/** Control-plane binaries still running anywhere on this machine. */
export function strayControlPlaneProcesses(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,comm='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => /\b(etcd|kube-apiserver|kube-controller)/.test(l)).map((l) => l.trim());
}

export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('error:'));
}
