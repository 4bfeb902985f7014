import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetryBackoff } from '../src/retry-backoff.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('RetryBackoff', () => {
  it('retries a failed key after a delay that doubles per failure in a row and resets on success', () => {
    vi.useFakeTimers();
    const retried: string[] = [];
    const backoff = new RetryBackoff((key) => retried.push(key), 100, 1_000);
    backoff.failed('ns/p');
    vi.advanceTimersByTime(99);
    expect(retried).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(retried).toEqual(['ns/p']);
    backoff.failed('ns/p');
    vi.advanceTimersByTime(199);
    expect(retried).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(retried).toHaveLength(2);
    backoff.succeeded('ns/p');
    backoff.failed('ns/p');
    vi.advanceTimersByTime(100);
    expect(retried).toHaveLength(3);
  });

  it('keeps one pending retry per key and none after stop', () => {
    vi.useFakeTimers();
    const retried: string[] = [];
    const backoff = new RetryBackoff((key) => retried.push(key), 100, 1_000);
    backoff.failed('a');
    backoff.failed('a');
    vi.advanceTimersByTime(100);
    expect(retried).toEqual(['a']);
    backoff.failed('b');
    backoff.stop();
    vi.advanceTimersByTime(10_000);
    expect(retried).toEqual(['a']);
  });
});
