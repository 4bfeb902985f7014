/** Chaos settings: delayed config application and slow answers, so the harness must really wait for convergence. */
export interface ChaosOptions {
  /** Each apply() takes effect after a random 0..maxDelayMs. */
  readonly maxDelayMs: number;
  /** Share (0..1) of answers, gateway-made or forwarded, delayed by up to {@link SLOW_ANSWER_MAX_MS}. */
  readonly slowFraction: number;
  /** Makes the random choices repeatable. */
  readonly seed?: number;
}

/** Upper bound of the delay added to a slow answer. */
export const SLOW_ANSWER_MAX_MS = 200;

// mulberry32: tiny, seedable, good enough for picking delays.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Chaos {
  readonly #options: ChaosOptions | undefined;
  readonly #random: () => number;

  constructor(options: ChaosOptions | undefined) {
    this.#options = options;
    this.#random = options?.seed !== undefined ? seededRandom(options.seed) : Math.random;
  }

  /** Delay before a new config takes effect; 0 without chaos. */
  applyDelayMs(): number {
    if (!this.#options || this.#options.maxDelayMs <= 0) return 0;
    return Math.floor(this.#random() * (this.#options.maxDelayMs + 1));
  }

  /** Delay before one answer is produced or forwarded; 0 for most answers. */
  answerDelayMs(): number {
    if (!this.#options || this.#options.slowFraction <= 0) return 0;
    if (this.#random() >= this.#options.slowFraction) return 0;
    return 1 + Math.floor(this.#random() * SLOW_ANSWER_MAX_MS);
  }
}
