import { InterruptedError } from '../../errors.ts';

/**
 * Aborts on SIGINT/SIGTERM while `body` runs. Cluster setup takes minutes and the run's own
 * abort signal does not reach a provider, so without this a Ctrl-C would wait for `kind create`.
 */
export async function interruptibleBySignals<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInt = (): void => controller.abort(new InterruptedError('SIGINT'));
  const onTerm = (): void => controller.abort(new InterruptedError('SIGTERM'));
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

/** `work`, or the abort reason as soon as `signal` aborts (for waits that take no signal). */
export function unlessAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
