/** Where one sequential probability ratio test stands. */
export type SprtState = 'open' | 'acceptedNull' | 'rejectedNull';

/**
 * Wald's SPRT of "hits ~ Bernoulli(p0)" (the null) against "hits ~ Bernoulli(p1)".
 *
 * The likelihood ratio L_n = Π (p1/p0)^hit ((1-p1)/(1-p0))^miss is a non-negative
 * martingale with mean 1 under the null, so by Ville's inequality
 * P_null(sup_n L_n ≥ 1/a) ≤ a: crossing `upper = 1/a` rejects the null with error at most
 * `a` however long the test runs. Symmetrically 1/L_n is a martingale under p1, so
 * P_p1(inf_n L_n ≤ b) ≤ b: crossing `lower = b` accepts the null with error at most `b`.
 * No normal approximation is involved. Once a boundary is crossed the state is final.
 */
export class BernoulliSprt {
  private logRatio = 0;
  private current: SprtState = 'open';
  private readonly logHit: number;
  private readonly logMiss: number;
  private readonly logUpper: number;
  private readonly logLower: number;

  constructor(
    readonly p0: number,
    readonly p1: number,
    rejectNullError: number,
    acceptNullError: number,
  ) {
    this.logHit = Math.log(p1 / p0);
    this.logMiss = Math.log((1 - p1) / (1 - p0));
    this.logUpper = -Math.log(rejectNullError);
    this.logLower = Math.log(acceptNullError);
  }

  get state(): SprtState {
    return this.current;
  }

  /** Natural log of the likelihood ratio so far (frozen once decided). */
  get logLikelihoodRatio(): number {
    return this.logRatio;
  }

  observe(hit: boolean): SprtState {
    if (this.current !== 'open') return this.current;
    this.logRatio += hit ? this.logHit : this.logMiss;
    if (this.logRatio >= this.logUpper) this.current = 'rejectedNull';
    else if (this.logRatio <= this.logLower) this.current = 'acceptedNull';
    return this.current;
  }
}
