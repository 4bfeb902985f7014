import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** How a child process ended, how long it took, and where its output went. */
export interface ChildRun {
  readonly exitCode: number;
  readonly wallSeconds: number;
  readonly logPath: string;
}

/**
 * Runs a command with its stdout and stderr written to `logPath` (and, line by line, to
 * `echo`), timing it from spawn to exit. `signal` aborting sends the child SIGINT, as Ctrl-C
 * would, and still waits for it to finish its own cleanup.
 */
export async function runChild(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; logPath: string; signal: AbortSignal; echo?: (chunk: string) => void }): Promise<ChildRun> {
  const log = createWriteStream(options.logPath);
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      options.echo?.(chunk.toString('utf8'));
    });
  }
  const onAbort = (): void => void child.kill('SIGINT');
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const exitCode = await new Promise<number>((resolve) => {
      child.once('error', (error) => {
        log.write(`\nspawn failed: ${error.message}\n`);
        resolve(127);
      });
      // 'close', not 'exit': output may still be in flight when the process has exited.
      child.once('close', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 143)));
    });
    return { exitCode, wallSeconds: Number(process.hrtime.bigint() - started) / 1e9, logPath: options.logPath };
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await new Promise<void>((resolve) => log.end(resolve));
  }
}
