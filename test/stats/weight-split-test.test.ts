import { describe, expect, it } from 'vitest';
import { WeightSplitConfigError } from '../../harness/stats/stats-errors.ts';
import type { WeightSplitTestOptions } from '../../harness/stats/weight-split-test.ts';
import { WeightSplitTest } from '../../harness/stats/weight-split-test.ts';
import { seededRandom, weightedPicker } from './seeded-random.ts';

interface Tally {
  readonly accepted: number;
  readonly rejected: number;
  readonly meanSamples: number;
}

function simulate(options: WeightSplitTestOptions, served: Record<string, number>, trials: number, seed: number): Tally {
  const pick = weightedPicker(served, seededRandom(seed));
  let accepted = 0;
  let samples = 0;
  for (let trial = 0; trial < trials; trial++) {
    const test = new WeightSplitTest(options);
    let verdict = test.observe(pick());
    while (verdict === 'undecided') verdict = test.observe(pick());
    if (verdict === 'accept') accepted += 1;
    samples += test.summary().samples;
  }
  return { accepted, rejected: trials - accepted, meanSamples: samples / trials };
}

describe('WeightSplitTest at its defaults (false failure 1e-4)', () => {
  it.each([
    ['70/30/0', { v1: 70, v2: 30, v3: 0 }, { v1: 70, v2: 30 }],
    ['1/1/1', { v1: 1, v2: 1, v3: 1 }, { v1: 1, v2: 1, v3: 1 }],
    ['50/50', { v1: 50, v2: 50 }, { v1: 50, v2: 50 }],
    ['90/10', { v1: 90, v2: 10 }, { v1: 90, v2: 10 }],
  ])('accepts a correct %s split within 300 samples on average', (_name, weights, served) => {
    const tally = simulate({ weights }, served, 400, 11);
    expect(tally.rejected).toBe(0);
    expect(tally.meanSamples).toBeLessThanOrEqual(300);
  });

  it.each([
    ['50/50 served for 70/30', { v1: 70, v2: 30 }, { v1: 50, v2: 50 }],
    ['uniform served for 70/30/0', { v1: 70, v2: 30, v3: 0 }, { v1: 1, v2: 1, v3: 1 }],
    ['everything to v1 for 90/10', { v1: 90, v2: 10 }, { v1: 1 }],
    ['2/1/1 served for 1/1/1', { v1: 1, v2: 1, v3: 1 }, { v1: 2, v2: 1, v3: 1 }],
  ])('rejects %s', (_name, weights, served) => {
    const tally = simulate({ weights }, served, 400, 12);
    expect(tally.accepted).toBe(0);
    expect(tally.meanSamples).toBeLessThanOrEqual(300);
  });

  it('rejects on the first sample that reaches a weight-0 or unknown backend', () => {
    const test = new WeightSplitTest({ weights: { v1: 70, v2: 30, v3: 0 } });
    expect(test.observe('v1')).toBe('undecided');
    expect(test.observe('v3')).toBe('reject');
    expect(test.summary()).toMatchObject({ samples: 2, counts: { v1: 1, v2: 0, v3: 1 }, falseFailureBound: 1e-4 });
    expect(new WeightSplitTest({ weights: { v1: 1, v2: 1 } }).observe('grpc-status-14')).toBe('reject');
  });

  it('with one positive backend, waits long enough to see a leak of the tolerance', () => {
    const test = new WeightSplitTest({ weights: { v1: 1, v2: 0 } });
    let samples = 0;
    while (test.observe('v1') === 'undecided') samples += 1;
    expect(samples + 1).toBe(Math.ceil(Math.log(1e-2) / Math.log(1 - 0.12)));
  });
});

// The bounds are nearly tight, so a measured rate may exceed them by sampling noise: allow 3 σ.
const noiseAllowance = (p: number, trials: number): number => p + 3 * Math.sqrt((p * (1 - p)) / trials);

describe('WeightSplitTest error bounds, measured at loose settings', () => {
  it('fails a correct gateway no more often than the stated false-failure probability', () => {
    const trials = 4000;
    const tally = simulate({ weights: { v1: 70, v2: 30 }, falseFailure: 0.02 }, { v1: 70, v2: 30 }, trials, 13);
    expect(tally.rejected / trials).toBeLessThanOrEqual(noiseAllowance(0.02, trials));
  });

  it('passes a gateway sitting at the tolerance edge no more often than the stated false-pass probability', () => {
    const trials = 2000;
    const tally = simulate({ weights: { v1: 70, v2: 30 }, falsePass: 0.05 }, { v1: 58, v2: 42 }, trials, 14);
    expect(tally.accepted / trials).toBeLessThanOrEqual(noiseAllowance(0.05, trials));
  });
});

describe('WeightSplitTest configuration', () => {
  it('refuses weights it cannot test', () => {
    expect(() => new WeightSplitTest({ weights: { v1: 0, v2: 0 } })).toThrow(WeightSplitConfigError);
    expect(() => new WeightSplitTest({ weights: { v1: 1 }, falseFailure: 0 })).toThrow(/falseFailure/);
    try {
      new WeightSplitTest({ weights: {} });
    } catch (error) {
      expect((error as WeightSplitConfigError).code).toBe('GRPCCONF_WEIGHT_SPLIT_CONFIG');
    }
  });
});
