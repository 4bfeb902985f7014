import { BernoulliSprt } from './bernoulli-sprt.ts';
import { WeightSplitConfigError } from './stats-errors.ts';

export interface WeightSplitTestOptions {
  /** Backend name → weight as written in the route; weight 0 means the backend must get nothing. */
  readonly weights: Readonly<Record<string, number>>;
  /** α: bound on the probability of rejecting a gateway that splits exactly by weight. Default 1e-4. */
  readonly falseFailure?: number;
  /** β: bound on the probability of accepting a split that is off by `tolerance` for one backend. Default 1e-2. */
  readonly falsePass?: number;
  /** δ: absolute share difference that must be detected. Default 0.12. */
  readonly tolerance?: number;
  /** Cap on observations; reaching it without crossing a rejection boundary accepts. Default 2000. */
  readonly maxSamples?: number;
}

export type WeightSplitVerdict = 'undecided' | 'accept' | 'reject';

/** JSON-safe description of the test's state, meant for a case result's `observed`. */
export interface WeightSplitSummary {
  readonly verdict: WeightSplitVerdict;
  readonly samples: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly expectedShares: Readonly<Record<string, number>>;
  readonly falseFailureBound: number;
  readonly falsePassBound: number;
  readonly tolerance: number;
  readonly truncated: boolean;
  readonly reason?: string;
}

interface Alternative {
  readonly backend: string;
  readonly sprt: BernoulliSprt;
}

/**
 * Sequential test that observed backends follow the split weight/Σweights.
 *
 * For each backend i with share p_i > 0 it runs two binary SPRTs on "the sample went to i":
 * p_i against p_i − δ and against p_i + δ, each alternative clipped to [p_i/2, (1+p_i)/2] so it
 * stays a real probability (90/10 still checks 10 % against 5 %). With k backends that is m = 2k
 * SPRTs (m = 2 for two backends, where one backend's alternatives are the other's). Each
 * rejects at likelihood ratio m/α, so by Ville's inequality and a union bound a
 * correct gateway is failed with probability ≤ α no matter when the test stops (Σ α/m = α).
 * The split is accepted once every SPRT has fallen below β; a gateway whose share for one
 * backend sits exactly at an alternative is then accepted with probability ≤ β (Ville on 1/L).
 * A sample from a weight-0 or unknown backend is impossible under the null and rejects at once.
 * At the defaults (α 1e-4, β 1e-2, δ 0.12) a correct gateway is accepted after ~190 (70/30),
 * ~230 (50/50), ~260 (90/10) and ~270 (1/1/1) samples on average (simulated in test/stats).
 */
export class WeightSplitTest {
  private readonly alternatives: Alternative[] = [];
  private readonly shares: Record<string, number> = {};
  private readonly counts: Record<string, number> = {};
  private readonly alpha: number;
  private readonly beta: number;
  private readonly delta: number;
  private readonly maxSamples: number;
  private minSamples = 0;
  private samples = 0;
  private verdict: WeightSplitVerdict = 'undecided';
  private truncated = false;
  private reason: string | undefined;

  constructor(options: WeightSplitTestOptions) {
    this.alpha = options.falseFailure ?? 1e-4;
    this.beta = options.falsePass ?? 1e-2;
    this.delta = options.tolerance ?? 0.12;
    this.maxSamples = options.maxSamples ?? 2000;
    const total = Object.values(options.weights).reduce((sum, w) => sum + w, 0);
    const context = { ...options };
    if (!(this.alpha > 0 && this.alpha < 1 && this.beta > 0 && this.beta < 1)) {
      throw new WeightSplitConfigError('falseFailure and falsePass must be in (0, 1)', context);
    }
    if (!(this.delta > 0 && this.delta < 1)) throw new WeightSplitConfigError('tolerance must be in (0, 1)', context);
    if (!(total > 0)) throw new WeightSplitConfigError('at least one weight must be positive', context);
    const positive = Object.entries(options.weights).filter(([, w]) => w > 0);
    // Two backends: "first share low" is the same event as "second share high", so one pair suffices.
    const tracked = positive.length === 2 ? positive.slice(0, 1) : positive;
    const perTest = this.alpha / (2 * tracked.length);
    for (const [backend, weight] of Object.entries(options.weights)) {
      this.shares[backend] = weight / total;
      this.counts[backend] = 0;
    }
    // With one positive backend only impossible samples reject; wait until a leak of share δ
    // would have shown up with probability ≥ 1 − β.
    if (positive.length < 2) {
      this.minSamples = Math.ceil(Math.log(this.beta) / Math.log(1 - this.delta));
      return;
    }
    for (const [backend, weight] of tracked) {
      const p = weight / total;
      const lower = Math.max(p - this.delta, p / 2);
      const upper = Math.min(p + this.delta, (1 + p) / 2);
      this.alternatives.push({ backend, sprt: new BernoulliSprt(p, lower, perTest, this.beta) });
      this.alternatives.push({ backend, sprt: new BernoulliSprt(p, upper, perTest, this.beta) });
    }
  }

  /** Feeds one observation (the backend that answered, or any label for an impossible outcome). */
  observe(backend: string): WeightSplitVerdict {
    if (this.verdict !== 'undecided') return this.verdict;
    this.samples += 1;
    this.counts[backend] = (this.counts[backend] ?? 0) + 1;
    const share = this.shares[backend];
    if (share === undefined || share === 0) {
      return this.decide('reject', `sample ${this.samples} went to ${backend}, whose expected share is 0`);
    }
    for (const { backend: tracked, sprt } of this.alternatives) {
      if (sprt.observe(tracked === backend) === 'rejectedNull') {
        return this.decide('reject', `share of ${tracked} is nearer ${sprt.p1.toFixed(3)} than ${sprt.p0.toFixed(3)}`);
      }
    }
    const allRejected = this.alternatives.every(({ sprt }) => sprt.state === 'acceptedNull');
    if (allRejected && this.samples >= this.minSamples) {
      return this.decide('accept', 'every alternative rejected');
    }
    if (this.samples >= this.maxSamples) {
      this.truncated = true;
      return this.decide('accept', `no rejection boundary crossed within ${this.maxSamples} samples`);
    }
    return this.verdict;
  }

  summary(): WeightSplitSummary {
    return {
      verdict: this.verdict,
      samples: this.samples,
      counts: { ...this.counts },
      expectedShares: { ...this.shares },
      falseFailureBound: this.alpha,
      falsePassBound: this.beta,
      tolerance: this.delta,
      truncated: this.truncated,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
    };
  }

  private decide(verdict: WeightSplitVerdict, reason: string): WeightSplitVerdict {
    this.verdict = verdict;
    this.reason = reason;
    return verdict;
  }
}
