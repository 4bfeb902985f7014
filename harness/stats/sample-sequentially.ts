export interface SequentialSamplingOptions<O> {
  /** Produces sample number `index` (0-based). A throw aborts sampling once in-flight draws settle. */
  readonly draw: (index: number) => Promise<O>;
  /** Receives outcomes strictly in draw order; returning 'stop' ends sampling. */
  readonly observe: (outcome: O, index: number) => 'continue' | 'stop';
  /** Most draws in flight at once. */
  readonly concurrency: number;
  /** Never start more than this many draws. */
  readonly maxDraws: number;
  readonly signal?: AbortSignal;
}

export interface SequentialSamplingResult {
  /** Draws started (the cost). */
  readonly drawn: number;
  /** Draws whose outcome reached `observe` (what the decision used). */
  readonly observed: number;
}

/**
 * Draws samples with bounded concurrency and feeds them to a sequential decision in the order
 * they were started, not the order they finished: a backend that answers faster must not be
 * over-represented early, or the stopping rule would see a biased sequence. Waits for every
 * started draw before returning, so nothing outlives the call.
 */
export async function sampleSequentially<O>(options: SequentialSamplingOptions<O>): Promise<SequentialSamplingResult> {
  const { draw, observe, concurrency, maxDraws, signal } = options;
  const finished = new Map<number, O>();
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  let nextToObserve = 0;
  let stopped = false;
  let failure: { error: unknown } | undefined;

  const deliver = (): void => {
    while (!stopped && finished.has(nextToObserve)) {
      const outcome = finished.get(nextToObserve) as O;
      finished.delete(nextToObserve);
      if (observe(outcome, nextToObserve) === 'stop') stopped = true;
      nextToObserve += 1;
    }
  };

  const launch = (): void => {
    const index = started;
    started += 1;
    const running = draw(index).then(
      (outcome) => {
        finished.set(index, outcome);
        deliver();
      },
      (error: unknown) => {
        failure ??= { error };
        stopped = true;
      },
    );
    const tracked = running.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  while (!stopped && !signal?.aborted) {
    // Bound drawn-but-unobserved, not just in-flight: answers parked behind a slow one still count,
    // so a verdict never costs more than `concurrency` RPCs beyond the ones it read.
    while (!stopped && started - nextToObserve < concurrency && started < maxDraws) launch();
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
  }
  await Promise.allSettled([...inFlight]);
  if (failure) throw failure.error;
  signal?.throwIfAborted();
  return { drawn: started, observed: nextToObserve };
}
