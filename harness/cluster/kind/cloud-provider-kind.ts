import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { HarnessError } from '../../errors.ts';
import { CommandFailedError, type CommandSpec } from './command.ts';
import { cloudProviderKind } from './load-balancer.ts';
import { pasteableCommand } from './shell-quote.ts';

const TAIL_LINES = 5;

/** `ps -A -o args=` (POSIX): every process's command line, so another cloud-provider-kind is seen. */
export const listProcesses: CommandSpec = { file: 'ps', args: ['-A', '-o', 'args='] };

/** A line of `ps -A -o args=` whose program (or whose sudo's program) is cloud-provider-kind. */
export function runningCloudProviderKind(psOutput: string): string | undefined {
  return psOutput
    .split('\n')
    .map((l) => l.trim())
    .find((l) => {
      const words = l.split(/\s+/);
      const program = words[0] === 'sudo' ? words.find((w, i) => i > 0 && !w.startsWith('-')) : words[0];
      return /(^|[/\\])cloud-provider-kind(\.exe)?$/.test(program ?? '');
    });
}

/** It serves every kind cluster on the host: a second one would fight the first over the same Services. */
export async function refuseRunningCloudProviderKind(run: (spec: CommandSpec) => Promise<string>, log: (line: string) => void): Promise<void> {
  let processes: string;
  try {
    processes = await run(listProcesses);
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error;
    log(`cannot list processes (${error.message}); not checking for another cloud-provider-kind`);
    return;
  }
  const running = runningCloudProviderKind(processes);
  if (running !== undefined) {
    throw new HarnessError(
      'GRPCCONF_CLOUD_PROVIDER_RUNNING',
      `cloud-provider-kind is already running ("${running}"); it serves every kind cluster on this host and a second one would fight it: stop it, or use --kind-load-balancer=metallb`,
    );
  }
}

export interface RunningCloudProvider {
  readonly logPath: string;
  /** Settles only if the process ends before stop(): with the one line that says so. */
  readonly exitedEarly: Promise<HarnessError>;
  stop(): Promise<void>;
}

/** The last lines it printed: where it says why it stopped (e.g. "Please run this again with `sudo`"). */
export function logTail(logPath: string): string {
  let text = '';
  try {
    text = readFileSync(logPath, 'utf8');
  } catch {
    return '(no output)';
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length === 0 ? '(no output)' : lines.slice(-TAIL_LINES).join(' | ');
}

/** Starts it with its output in `<workDir>/cloud-provider-kind.log`; resolves once it runs. */
export async function startCloudProviderKind(workDir: string): Promise<RunningCloudProvider> {
  const logPath = join(workDir, 'cloud-provider-kind.log');
  const log = { file: logPath, append: true } as const;
  const child = execa(cloudProviderKind.file, [...cloudProviderKind.args], { stdin: 'ignore', stdout: log, stderr: log, reject: false });
  let stopping = false;
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (error) =>
      reject(new HarnessError('GRPCCONF_COMMAND_FAILED', `cannot start cloud-provider-kind: ${error.message}; install it (go install sigs.k8s.io/cloud-provider-kind@latest) or use --kind-load-balancer=metallb`, { cause: error })),
    );
  });
  const exitedEarly = new Promise<HarnessError>((resolve) => {
    void child.then((result) => {
      if (stopping) return;
      const how = result.exitCode === undefined ? `was killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.exitCode}`;
      resolve(
        new HarnessError('GRPCCONF_CLOUD_PROVIDER_EXITED', `cloud-provider-kind ${how}, so LoadBalancers get no addresses; it printed: ${logTail(logPath)} (full log ${logPath}; command: ${pasteableCommand(cloudProviderKind)})`),
      );
    });
  });
  return {
    logPath,
    exitedEarly,
    async stop() {
      stopping = true;
      // SIGTERM lets it remove the load-balancer containers it started.
      child.kill('SIGTERM');
      await child;
    },
  };
}
