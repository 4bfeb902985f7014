import { describe, expect, it } from 'vitest';
import { BernoulliSprt } from '../../harness/stats/bernoulli-sprt.ts';

describe('BernoulliSprt', () => {
  it('rejects the null after exactly the hits that push the ratio past 1/a', () => {
    const sprt = new BernoulliSprt(0.5, 0.75, 1e-3, 1e-2);
    const needed = Math.ceil(Math.log(1e3) / Math.log(1.5));
    for (let i = 1; i < needed; i++) expect(sprt.observe(true)).toBe('open');
    expect(sprt.observe(true)).toBe('rejectedNull');
  });

  it('accepts the null after the misses that push the ratio below b, and then stays decided', () => {
    const sprt = new BernoulliSprt(0.5, 0.75, 1e-3, 1e-2);
    const needed = Math.ceil(Math.log(1e-2) / Math.log(0.5));
    for (let i = 1; i < needed; i++) expect(sprt.observe(false)).toBe('open');
    expect(sprt.observe(false)).toBe('acceptedNull');
    const frozen = sprt.logLikelihoodRatio;
    expect(sprt.observe(true)).toBe('acceptedNull');
    expect(sprt.logLikelihoodRatio).toBe(frozen);
  });
});
