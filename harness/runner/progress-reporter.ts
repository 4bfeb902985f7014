import type { Reporter, TestCase } from 'vitest/node';
import type { UserConsoleLog } from 'vitest';
import { colourizer } from './colour.ts';
import type { ConformanceTest } from './conformance-test.ts';
import { resultFromTestCase } from './conformance-reporter.ts';
import { formatTestLine } from './format-test-line.ts';

export interface ProgressOptions {
  /** No live lines at all (CI, or --quiet). */
  readonly silent: boolean;
  /** Also pass the tests' own log lines through (--verbose). */
  readonly verbose: boolean;
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One line per finished test while the run goes on. */
export class ProgressReporter implements Reporter {
  readonly #byName: ReadonlyMap<string, ConformanceTest>;
  readonly #options: ProgressOptions;
  readonly #stream: NodeJS.WritableStream & { isTTY?: boolean };
  readonly #paint: ReturnType<typeof colourizer>;

  constructor(tests: readonly ConformanceTest[], options: ProgressOptions) {
    this.#byName = new Map(tests.map((t) => [t.name, t]));
    this.#options = options;
    this.#stream = options.stream ?? process.stderr;
    this.#paint = colourizer(this.#stream);
  }

  onTestCaseResult(testCase: TestCase): void {
    const test = this.#byName.get(testCase.name);
    if (!test || this.#options.silent) return;
    this.#stream.write(`${formatTestLine(resultFromTestCase(testCase, test), this.#paint)}\n`);
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (this.#options.verbose && !this.#options.silent) this.#stream.write(log.content.endsWith('\n') ? log.content : `${log.content}\n`);
  }
}
