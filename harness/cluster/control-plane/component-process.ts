import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { HarnessError } from '../../errors.ts';

const LOG_TAIL_LINES = 8;
// The cluster is thrown away with its data: a graceful shutdown would only cost the run seconds.
const STOP_GRACE_MS = 1_000;
const READY_POLL_MS = 100;

/** One control-plane binary running under this process, its output kept in `logPath`. */
export interface ComponentProcess {
  readonly name: string;
  readonly logPath: string;
  readonly pid: number | undefined;
  /** Resolves once `probe` answers true; throws with the log's last lines if the process exits or the deadline passes. */
  waitReady(probe: () => Promise<boolean>, deadlineMs: number, signal?: AbortSignal): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  stop(): Promise<void>;
}

export function startComponent(name: string, file: string, args: readonly string[], logPath: string): ComponentProcess {
  const log = createWriteStream(logPath, { flags: 'a' });
  const child: ChildProcess = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exit = `could not start: ${error.message}`;
      resolve();
    });
    child.once('exit', (code, sig) => {
      exit = sig ? `was killed by ${sig}` : `exited with code ${String(code)}`;
      resolve();
    });
  });

  const failure = async (why: string): Promise<HarnessError> => {
    log.end();
    const tail = await lastLines(logPath);
    return new HarnessError('GRPCCONF_CONTROL_PLANE_START', `${name} ${why}; the last lines of its log: ${tail || '(empty)'}`, { context: { log: logPath } });
  };

  return {
    name,
    logPath,
    get pid() {
      return child.pid;
    },
    async waitReady(probe, deadlineMs, signal) {
      const deadline = Date.now() + deadlineMs;
      for (;;) {
        if (exit !== undefined) throw await failure(exit);
        signal?.throwIfAborted();
        if (await probe().catch(() => false)) return;
        if (Date.now() > deadline) throw await failure(`was not ready after ${Math.round(deadlineMs / 1000)} s`);
        // A readiness poll, bounded by the deadline above: the binaries offer no readiness event.
        await Promise.race([delay(READY_POLL_MS), exited]);
      }
    },
    async stop() {
      if (exit === undefined && child.exitCode === null) {
        child.kill('SIGTERM');
        const killed = await Promise.race([exited.then(() => false), delay(STOP_GRACE_MS).then(() => true)]);
        if (killed) child.kill('SIGKILL');
        await exited;
      }
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

async function lastLines(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join(' | ');
}
