import { HarnessError } from '../errors.ts';
import { reserveWaitTime } from '../wait-reservation.ts';

export interface ConvergeSettings {
  /** Consecutive successes that prove convergence. */
  readonly successes: number;
  /** Deadline for the whole loop, from the first attempt. */
  readonly timeoutMs: number;
  /** Pause after a failed attempt (never after a success). */
  readonly intervalMs: number;
  readonly signal?: AbortSignal;
  /** Told about failures, once per distinct failure message. */
  readonly log?: (message: string) => void;
}

export interface AttemptInfo {
  /** 1-based. */
  readonly attempt: number;
  /** Time left before the deadline; a check should not wait longer than this. */
  readonly remainingMs: number;
}

export interface Converged<T> {
  readonly value: T;
  readonly attempts: number;
  /** When the loop first saw a success, counted from its start. */
  readonly firstSuccessAfterMs: number;
  readonly elapsedMs: number;
}

/** A check failure that knows what it saw; converge keeps it as the last observation. */
export interface ObservingError extends Error {
  readonly observed: unknown;
}

/**
 * A check failure that says nothing about the system (e.g. the attempt was cut short by the
 * convergence deadline itself): it breaks the streak but does not replace the last observation.
 */
export interface InconclusiveError extends Error {
  readonly inconclusive: true;
}

/** The check did not succeed `successes` times in a row before the deadline. */
export class ConvergenceTimeoutError extends HarnessError {
  readonly what: string;
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly lastError: unknown;
  readonly lastObserved: unknown;

  constructor(what: string, facts: { attempts: number; elapsedMs: number; successes: number; streak: number; lastError: unknown; lastObserved: unknown }) {
    const reason = facts.lastError instanceof Error ? facts.lastError.message : 'no failure seen; the deadline passed during an attempt';
    super(
      'GRPCCONF_CONVERGENCE_TIMEOUT',
      `${what}: not ${facts.successes} successes in a row within ${facts.elapsedMs} ms ` +
        `(${facts.attempts} attempts, last streak ${facts.streak}). Last failure: ${reason}`,
      { exitCode: 1, ...(facts.lastError === undefined ? {} : { cause: facts.lastError }), context: { what, attempts: facts.attempts, elapsedMs: facts.elapsedMs } },
    );
    this.name = 'ConvergenceTimeoutError';
    this.what = what;
    this.attempts = facts.attempts;
    this.elapsedMs = facts.elapsedMs;
    this.lastError = facts.lastError;
    this.lastObserved = facts.lastObserved;
  }
}

/** The test was aborted (deadline or interrupt) while converging. */
export class ConvergenceAbortedError extends HarnessError {
  constructor(what: string, attempts: number, reason: unknown) {
    super('GRPCCONF_CONVERGENCE_ABORTED', `${what}: aborted after ${attempts} attempts`, { exitCode: 1, cause: reason, context: { what, attempts } });
    this.name = 'ConvergenceAbortedError';
  }
}

const DEADLINE = Symbol('deadline');

/**
 * Eventual consistency: runs `check` until it succeeds (returns) `successes` times in a row before
 * the deadline. A failure (throw) resets the streak and pauses `intervalMs`; a success is followed
 * immediately by the next attempt. Returns the last value and how long convergence took.
 */
export async function converge<T>(what: string, check: (info: AttemptInfo) => Promise<T>, settings: ConvergeSettings): Promise<Converged<T>> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  reserveWaitTime(settings.signal, settings.timeoutMs);
  let attempts = 0;
  let streak = 0;
  let firstSuccessAfterMs: number | undefined;
  let lastError: unknown;
  let lastObserved: unknown;
  let lastLogged: string | undefined;
  const timeout = (): ConvergenceTimeoutError =>
    new ConvergenceTimeoutError(what, { attempts, elapsedMs: elapsed(), successes: settings.successes, streak, lastError, lastObserved });

  for (;;) {
    throwIfAborted(settings.signal, what, attempts);
    const remainingMs = settings.timeoutMs - elapsed();
    if (remainingMs <= 0) throw timeout();
    attempts += 1;
    let outcome: T | typeof DEADLINE;
    try {
      outcome = await withDeadline(check({ attempt: attempts, remainingMs }), remainingMs, settings.signal);
    } catch (error) {
      throwIfAborted(settings.signal, what, attempts);
      streak = 0;
      if (!isInconclusive(error) || lastError === undefined) lastError = error;
      if (isObserving(error) && (!isInconclusive(error) || lastObserved === undefined)) lastObserved = error.observed;
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastLogged) settings.log?.(`${what}: not yet (attempt ${attempts}, ${elapsed()} ms): ${message}`);
      lastLogged = message;
      await pause(Math.min(settings.intervalMs, Math.max(0, settings.timeoutMs - elapsed())), settings.signal);
      continue;
    }
    if (outcome === DEADLINE) throw timeout();
    streak += 1;
    lastObserved = outcome;
    firstSuccessAfterMs ??= elapsed();
    if (streak >= settings.successes) return { value: outcome, attempts, firstSuccessAfterMs, elapsedMs: elapsed() };
  }
}

function isInconclusive(error: unknown): error is InconclusiveError {
  return error instanceof Error && (error as Partial<InconclusiveError>).inconclusive === true;
}

function isObserving(error: unknown): error is ObservingError {
  return error instanceof Error && 'observed' in error;
}

function throwIfAborted(signal: AbortSignal | undefined, what: string, attempts: number): void {
  if (signal?.aborted) throw new ConvergenceAbortedError(what, attempts, signal.reason);
}

function withDeadline<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | typeof DEADLINE> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => resolve(DEADLINE)), ms);
    const onAbort = (): void => finish(() => reject(signal?.reason));
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
