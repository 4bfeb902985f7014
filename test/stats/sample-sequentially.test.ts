import { describe, expect, it } from 'vitest';
import { sampleSequentially } from '../../harness/stats/sample-sequentially.ts';
import { seededRandom } from './seeded-random.ts';

const settleAfter = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('sampleSequentially', () => {
  it('observes outcomes in draw order although they finish out of order, never above the concurrency', async () => {
    const random = seededRandom(3);
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const result = await sampleSequentially({
      draw: async (index) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await settleAfter(Math.floor(random() * 4), undefined);
        inFlight -= 1;
        return index;
      },
      observe: (outcome) => {
        seen.push(outcome);
        return seen.length === 40 ? 'stop' : 'continue';
      },
      concurrency: 5,
      maxDraws: 1000,
    });
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(peak).toBeLessThanOrEqual(5);
    expect(result.observed).toBe(40);
    expect(result.drawn).toBeLessThanOrEqual(45);
    expect(inFlight).toBe(0);
  });

  it('stops at maxDraws when the decision never comes', async () => {
    const result = await sampleSequentially({ draw: async (i) => i, observe: () => 'continue', concurrency: 3, maxDraws: 7 });
    expect(result).toEqual({ drawn: 7, observed: 7 });
  });

  it('rethrows a failed draw after the other draws settle', async () => {
    let settled = 0;
    const run = sampleSequentially({
      draw: async (index) => {
        await settleAfter(index === 2 ? 0 : 5, undefined);
        settled += 1;
        if (index === 2) throw new Error('boom');
        return index;
      },
      observe: () => 'continue',
      concurrency: 4,
      maxDraws: 100,
    });
    await expect(run).rejects.toThrow('boom');
    expect(settled).toBe(4);
  });
});
