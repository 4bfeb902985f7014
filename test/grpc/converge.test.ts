import { describe, expect, it } from 'vitest';
import { ConvergenceAbortedError, ConvergenceTimeoutError, converge } from '../../harness/grpc/converge.ts';

class Observed extends Error {
  constructor(readonly observed: unknown) {
    super(`saw ${String(observed)}`);
  }
}

/** A check that plays back a script of outcomes: true = success, anything else = thrown as observed. */
function scripted(script: readonly unknown[]): { check: () => Promise<string>; calls: () => number } {
  let i = 0;
  return {
    check: async () => {
      const step = script[Math.min(i, script.length - 1)];
      i += 1;
      if (step === true) return `ok#${i}`;
      throw new Observed(step);
    },
    calls: () => i,
  };
}

describe('converge', () => {
  it('needs N successes in a row: a failure resets the streak', async () => {
    const { check } = scripted([true, true, 'blip', true, true, true]);
    const result = await converge('flappy', check, { successes: 3, timeoutMs: 2000, intervalMs: 1 });
    expect(result.value).toBe('ok#6');
    expect(result.attempts).toBe(6);
    expect(result.firstSuccessAfterMs).toBeLessThanOrEqual(result.elapsedMs);
  });

  it('pauses only after failures', async () => {
    const { check } = scripted([true, true, true]);
    const fast = await converge('steady', check, { successes: 3, timeoutMs: 5000, intervalMs: 1000 });
    expect(fast.elapsedMs).toBeLessThan(500);

    const slow = scripted(['no', true]);
    const withPause = await converge('one failure', slow.check, { successes: 1, timeoutMs: 5000, intervalMs: 150 });
    expect(withPause.elapsedMs).toBeGreaterThanOrEqual(140);
  });

  it('times out with what, attempts, elapsed, the last error and the last observation', async () => {
    const { check } = scripted([true, 'wrong-backend']);
    const error = await converge('route to v1', check, { successes: 3, timeoutMs: 150, intervalMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvergenceTimeoutError);
    const timeout = error as ConvergenceTimeoutError;
    expect(timeout.code).toBe('GRPCCONF_CONVERGENCE_TIMEOUT');
    expect(timeout.what).toBe('route to v1');
    expect(timeout.attempts).toBeGreaterThan(2);
    expect(timeout.elapsedMs).toBeGreaterThanOrEqual(150);
    expect(timeout.lastObserved).toBe('wrong-backend');
    expect((timeout.lastError as Error).message).toBe('saw wrong-backend');
    expect(timeout.message).toMatch(/route to v1: not 3 successes in a row .*Last failure: saw wrong-backend/);
  });

  it('does not wait past the deadline for a hanging check', async () => {
    const started = performance.now();
    const error = await converge('hang', () => new Promise<never>(() => undefined), { successes: 1, timeoutMs: 100, intervalMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvergenceTimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('tells the check how much time is left', async () => {
    const seen: number[] = [];
    await converge('budget', async ({ remainingMs }) => void seen.push(remainingMs), { successes: 2, timeoutMs: 1000, intervalMs: 1 });
    expect(seen).toHaveLength(2);
    expect(seen.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const { check } = scripted(['never']);
    const pending = converge('aborted', check, { successes: 1, timeoutMs: 10_000, intervalMs: 20, signal: controller.signal });
    controller.abort(new Error('test deadline'));
    await expect(pending).rejects.toBeInstanceOf(ConvergenceAbortedError);
  });

  it('an inconclusive failure breaks the streak but keeps the last real observation', async () => {
    let i = 0;
    const check = async (): Promise<string> => {
      i += 1;
      if (i === 1) throw new Observed('real');
      throw Object.assign(new Observed('cut short'), { inconclusive: true });
    };
    const error = (await converge('tail', check, { successes: 1, timeoutMs: 100, intervalMs: 5 }).catch((e: unknown) => e)) as ConvergenceTimeoutError;
    expect(error.lastObserved).toBe('real');
    expect((error.lastError as Error).message).toBe('saw real');
  });

  it('logs each distinct failure once', async () => {
    const lines: string[] = [];
    const { check } = scripted(['a', 'a', 'b', true]);
    await converge('quiet', check, { successes: 1, timeoutMs: 2000, intervalMs: 1, log: (m) => lines.push(m) });
    expect(lines).toHaveLength(2);
  });
});
