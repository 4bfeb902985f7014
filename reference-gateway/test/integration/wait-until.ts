/**
 * Polls `probe` until it returns a value (not undefined) `successes` times in a row, or fails with
 * the last observation once `timeoutMs` passes. Polling, not sleeping: it stops as soon as it holds.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs?: number; intervalMs?: number; successes?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const needed = options.successes ?? 2;
  let streak = 0;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      last = value;
      if (value !== undefined && ++streak >= needed) return value;
      if (value === undefined) streak = 0;
    } catch (error) {
      last = error;
      streak = 0;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last observed: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
