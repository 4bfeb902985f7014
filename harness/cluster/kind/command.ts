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
}

/** A command exited non-zero, could not start, or timed out; carries the pasteable command and its output. */
export class CommandFailedError extends HarnessError {
  readonly command: string;
  readonly output: string;

  constructor(init: { command: string; output: string; why: string; hint?: string }) {
    super('GRPCCONF_COMMAND_FAILED', `${init.why}: ${init.command.split('\n')[0]}${init.hint ? `; ${init.hint}` : ''}`, {
      context: { command: init.command, output: init.output },
    });
    this.name = 'CommandFailedError';
    this.command = init.command;
    this.output = init.output;
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
  const result = await execa(spec.file, [...spec.args], {
    env: { ...spec.env },
    ...(spec.input === undefined ? { stdin: 'ignore' as const } : { input: spec.input }),
    all: true,
    reject: false,
    stripFinalNewline: true,
    ...(signal ? { cancelSignal: signal } : {}),
    ...(spec.timeoutMs ? { timeout: spec.timeoutMs } : {}),
  });
  if (result.isCanceled && signal?.aborted) throw signal.reason;
  if (!result.failed) return result.stdout;
  const output = result.all ?? '';
  const missing = (result.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  if (missing) throw new CommandFailedError({ command, output, why: `${spec.file} not found on PATH`, hint: INSTALL_HINTS[spec.file] });
  if (result.timedOut) throw new CommandFailedError({ command, output, why: `timed out after ${Math.round((spec.timeoutMs ?? 0) / 1000)}s` });
  const why = result.exitCode === undefined ? `killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.exitCode}`;
  throw new CommandFailedError({ command, output, why });
}
