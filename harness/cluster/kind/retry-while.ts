import { setTimeout as delay } from 'node:timers/promises';

export interface RetryWhileOptions {
  /** Retry only failures this accepts; any other failure is thrown at once. */
  readonly retryable: (error: unknown) => boolean;
  /** No new attempt starts after this long; the last failure is thrown. */
  readonly withinMs: number;
  readonly signal: AbortSignal;
  /** Called before each retry, with the failure that caused it. */
  readonly onRetry?: (error: unknown, attempt: number) => void;
  readonly firstBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * Runs `attempt` until it succeeds, fails in a way `retryable` rejects, the time runs out, or
 * `signal` aborts. The backoff doubles, so a component that comes up in a second is not waited
 * on for five, and one that takes a minute is not hammered.
 */
export async function retryWhile<T>(attempt: () => Promise<T>, options: RetryWhileOptions): Promise<T> {
  const deadline = Date.now() + options.withinMs;
  let backoff = options.firstBackoffMs ?? 250;
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      if (!options.retryable(error) || Date.now() + backoff > deadline) throw error;
      options.onRetry?.(error, attempts);
    }
    await delay(backoff, undefined, { signal: options.signal }).catch(() => {
      throw options.signal.reason;
    });
    backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 5000);
  }
}
