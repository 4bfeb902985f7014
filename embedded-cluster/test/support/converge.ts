import { setTimeout as delay } from 'node:timers/promises';

const POLL_INTERVAL_MS = 20;

/**
 * Polls `probe` until it returns a value `good` accepts `consecutive` times in a row, or fails
 * at `deadlineMs` with the last value seen. Eventual consistency, never a fixed sleep.
 */
export async function converge<T>(
  what: string,
  probe: () => Promise<T> | T,
  good: (value: T) => boolean,
  { deadlineMs = 10_000, consecutive = 3 } = {},
): Promise<T> {
  const started = Date.now();
  let streak = 0;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    streak = good(last) ? streak + 1 : 0;
    if (streak >= consecutive) return last;
    if (Date.now() - started > deadlineMs) {
      throw new Error(`${what}: not converged after ${deadlineMs} ms; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    }
    if (streak === 0) await delay(POLL_INTERVAL_MS);
  }
}
