import { performance } from 'node:perf_hooks';
import { describeError } from '../../errors.ts';
import { CommandFailedError } from './command.ts';

/** The end of a long output is where the reason usually is. */
const OUTPUT_TAIL_LINES = 60;

/** Runs named steps, printing kind-style status lines: ` ✓ Creating cluster "x" (12.3s)`. */
export interface StepLog {
  step<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** A line under the current step, indented like kind's. */
  detail(line: string): void;
}

export function createStepLog(log: (line: string) => void, now: () => number = () => performance.now()): StepLog {
  const seconds = (since: number): string => `${((now() - since) / 1000).toFixed(1)}s`;
  return {
    async step(title, body) {
      const started = now();
      try {
        const value = await body();
        log(` ✓ ${title} (${seconds(started)})`);
        return value;
      } catch (error) {
        log(` ✗ ${title} (${seconds(started)})`);
        for (const line of failureLines(error)) log(`   ${line}`);
        throw error;
      }
    },
    detail(line) {
      log(`   ${line}`);
    },
  };
}

function failureLines(error: unknown): string[] {
  if (!(error instanceof CommandFailedError)) return [describeError(error)];
  const lines = error.output.split('\n');
  const tail = lines.length > OUTPUT_TAIL_LINES ? [`(${lines.length - OUTPUT_TAIL_LINES} earlier lines left out)`, ...lines.slice(-OUTPUT_TAIL_LINES)] : lines;
  return [
    `${error.message}`,
    'command (paste into a shell to retry):',
    ...error.command.split('\n').map((l) => `  ${l}`),
    error.output.trim() === '' ? 'output: (none)' : 'output:',
    ...(error.output.trim() === '' ? [] : tail.map((l) => `  ${l}`)),
  ];
}
