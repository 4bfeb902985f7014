import { ConfigError } from '../errors.ts';
import type { ClusterKind } from './types.ts';

/** Vitest's own cap (harness/runner/run-vitest.ts maxConcurrency): more slots than that would never fill. */
export const MAX_CONCURRENCY = 16;

/**
 * How many tests run at once when --concurrency is not given. The embedded cluster programs a
 * Gateway in milliseconds and costs nothing, so every test may run together. A real cluster's
 * gateway may take minutes to program each test Gateway, may provision a cloud load balancer (and
 * quota) per Gateway, and shares its data plane with the other tests' churn; a few at a time keeps
 * those waits inside their timeouts. Upstream runs its tests one by one.
 */
export function defaultConcurrency(cluster: ClusterKind): number {
  return cluster === 'embedded' ? MAX_CONCURRENCY : 4;
}

/** A whole number from 1 (one test at a time) to MAX_CONCURRENCY. */
export function parseConcurrency(raw: string): number {
  const value = raw.trim();
  const n = /^[1-9]\d*$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) throw new ConfigError(`concurrency must be a whole number from 1 (serial) to ${MAX_CONCURRENCY}, got "${raw}"`);
  return n;
}
