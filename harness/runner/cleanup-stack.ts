import { describeError } from '../errors.ts';

/** LIFO cleanup registered as things are created; every entry runs even when an earlier one fails. */
export class CleanupStack {
  readonly #entries: (() => Promise<void> | void)[] = [];

  push(fn: () => Promise<void> | void): void {
    this.#entries.push(fn);
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Runs and drops every entry, newest first; returns the messages of the ones that failed. */
  async runAll(): Promise<string[]> {
    const failures: string[] = [];
    while (this.#entries.length > 0) {
      const fn = this.#entries.pop()!;
      try {
        await fn();
      } catch (error) {
        failures.push(describeError(error));
      }
    }
    return failures;
  }
}
