/** Time after a wait's own timeout for it to fail with its own error before the test deadline fires. */
const WAIT_GRACE_MS = 2_000;

/**
 * The whole-test deadline: `initialMs` from the start, moved out whenever a wait starts that could
 * run past it (the wait's timeout plus a grace). A hang outside any wait still ends at the deadline.
 */
export class ExtendableDeadline {
  readonly #controller = new AbortController();
  readonly #now: () => number;
  readonly #onExpire: (deadlineMs: number) => Error;
  readonly #startedAt: number;
  #at: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(initialMs: number, onExpire: (deadlineMs: number) => Error, now: () => number = () => performance.now()) {
    this.#now = now;
    this.#onExpire = onExpire;
    this.#startedAt = now();
    this.#at = this.#startedAt + initialMs;
    this.#arm();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** How long the test may run in all, as it stands now. */
  get totalMs(): number {
    return Math.round(this.#at - this.#startedAt);
  }

  reserve(ms: number): void {
    if (this.#controller.signal.aborted) return;
    const wanted = this.#now() + ms + WAIT_GRACE_MS;
    if (wanted <= this.#at) return;
    this.#at = wanted;
    this.#arm();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#controller.abort(this.#onExpire(this.totalMs)), Math.max(0, this.#at - this.#now()));
  }
}
