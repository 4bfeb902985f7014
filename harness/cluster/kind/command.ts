import { execa } from 'execa';
import { HarnessError } from '../../errors.ts';
import { pasteableCommand } from './shell-quote.ts';

/** One external command the kind provider runs (kind, docker, kubectl, sh). */
export interface CommandSpec {
  readonly file: string;
  readonly args: readonly string[];
  /** Added to the inherited environment, and shown in the pasteable form. */
  readonly env?: Readonly<Record<string, string>>;
  /** Fed on stdin (a manifest for `kubectl apply -f -`). */
  readonly input?: string;
  readonly timeoutMs?: number;
  /**
   * Runs in its own process group, killed whole on abort or exit: a shell's grandchildren (helm,
   * kubectl) would outlive a kill of the shell alone.
   */
  readonly processGroup?: boolean;
}

/** A command exited non-zero, could not start, or timed out; carries the pasteable command and its output. */
export class CommandFailedError extends HarnessError {
  readonly command: string;
  readonly output: string;

  readonly why: string;

  constructor(init: { command: string; output: string; why: string; hint?: string }) {
    super('GRPCCONF_COMMAND_FAILED', `${init.why}: ${init.command.split('\n')[0]}${init.hint ? `; ${init.hint}` : ''}`, {
      context: { command: init.command, output: init.output },
    });
    this.name = 'CommandFailedError';
    this.command = init.command;
    this.output = init.output;
    this.why = init.why;
  }

  /** The same failure with what it means and how to fix it added to its line. */
  withHint(hint: string): CommandFailedError {
    return new CommandFailedError({ command: this.command, output: this.output, why: this.why, hint });
  }
}

const INSTALL_HINTS: Readonly<Record<string, string>> = {
  kind: 'install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation',
  docker: 'install Docker (kind runs its nodes as containers) and make sure this user may use it',
  kubectl: 'install kubectl: https://kubernetes.io/docs/tasks/tools/',
  'cloud-provider-kind': 'install it: go install sigs.k8s.io/cloud-provider-kind@latest, or use --kind-load-balancer=metallb',
};

/**
 * Runs the command to completion and returns its stdout. Failure throws CommandFailedError;
 * an abort of `signal` kills the command and rethrows the abort reason.
 */
export async function runCommand(spec: CommandSpec, signal?: AbortSignal): Promise<string> {
  const command = pasteableCommand(spec);
  const child = execa(spec.file, [...spec.args], {
    env: { ...spec.env },
    ...(spec.input === undefined ? { stdin: 'ignore' as const } : { input: spec.input }),
    all: true,
    reject: false,
    stripFinalNewline: true,
    ...(signal && !spec.processGroup ? { cancelSignal: signal } : {}),
    ...(spec.timeoutMs ? { timeout: spec.timeoutMs } : {}),
    ...(spec.processGroup ? { detached: true } : {}),
  });
  const release = spec.processGroup ? killGroupOnAbortOrExit(child.pid, signal) : () => {};
  const result = await child.finally(release);
  if (signal?.aborted && (result.isCanceled || spec.processGroup)) throw signal.reason;
  if (!result.failed) return result.stdout;
  const output = result.all ?? '';
  const missing = (result.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  if (missing) throw new CommandFailedError({ command, output, why: `${spec.file} not found on PATH`, hint: INSTALL_HINTS[spec.file] });
  if (result.timedOut) throw new CommandFailedError({ command, output, why: `timed out after ${Math.round((spec.timeoutMs ?? 0) / 1000)}s` });
  const why = result.exitCode === undefined ? `killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.exitCode}`;
  throw new CommandFailedError({ command, output, why });
}

/** Sends SIGTERM to the whole group of `pid` when `signal` aborts or this process exits (execa's own cleanup skips detached children). */
function killGroupOnAbortOrExit(pid: number | undefined, signal: AbortSignal | undefined): () => void {
  if (pid === undefined) return () => {};
  const killGroup = (): void => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // The group is gone already.
    }
  };
  signal?.addEventListener('abort', killGroup, { once: true });
  process.once('exit', killGroup);
  if (signal?.aborted) killGroup();
  return () => {
    signal?.removeEventListener('abort', killGroup);
    process.off('exit', killGroup);
  };
}
