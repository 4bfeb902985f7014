import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExtendableDeadline } from '../../harness/runner/extendable-deadline.ts';

describe('ExtendableDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires at the initial deadline when no wait reserved more', () => {
    const deadline = new ExtendableDeadline(1_000, (ms) => new Error(`after ${ms}`), () => Date.now());
    vi.advanceTimersByTime(999);
    expect(deadline.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect((deadline.signal.reason as Error).message).toBe('after 1000');
  });

  it('a wait that would outlast it moves it out by the wait plus a grace; shorter waits change nothing', () => {
    const deadline = new ExtendableDeadline(5_000, (ms) => new Error(`after ${ms}`), () => Date.now());
    vi.advanceTimersByTime(500);
    deadline.reserve(100);
    expect(deadline.totalMs).toBe(5_000);
    deadline.reserve(5_000);
    expect(deadline.totalMs).toBe(500 + 5_000 + 2_000);
    vi.advanceTimersByTime(6_999);
    expect(deadline.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect((deadline.signal.reason as Error).message).toBe('after 7500');
    deadline.dispose();
  });

  it('once fired, a reservation does not revive it', () => {
    const deadline = new ExtendableDeadline(10, () => new Error('x'), () => Date.now());
    vi.advanceTimersByTime(10);
    deadline.reserve(1_000);
    expect(deadline.signal.aborted).toBe(true);
  });
});
