/**
 * A test's deadline must never cut one of its own waits short: the wait's timeout names what did
 * not happen, the deadline names nothing. Waits already receive the test's abort signal, so the
 * signal is the handle through which a starting wait tells the deadline how long it may take.
 */
const reservations = new WeakMap<AbortSignal, (ms: number) => void>();

export function acceptWaitReservations(signal: AbortSignal, reserve: (ms: number) => void): void {
  reservations.set(signal, reserve);
}

/** Called by a wait as it starts: the test's deadline moves out, if needed, to let it run `ms` (no-op outside a test). */
export function reserveWaitTime(signal: AbortSignal | undefined, ms: number): void {
  if (signal) reservations.get(signal)?.(ms);
}
