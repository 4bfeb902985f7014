import type { Channel } from './servers.ts';

/** What a server did with a write: took it, or refused it naming this field (normalised, e.g. `spec.rules[0].matches[0].method`). */
export type Expected = 'accepted' | { readonly refusedAt: string };

/** A plain Gateway API object as sent; `metadata.name` is filled in per case by the runner. */
export interface CaseObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: Record<string, unknown>;
  readonly spec?: unknown;
  readonly status?: unknown;
}

/**
 * One row of the table. `object` is created; with `before`, `before` is created first and `object`
 * replaces it (the way to reach transition rules); with `statusWrite`, `object` is created without
 * status and then its `status` is written through the status subresource, whose rules a create never runs.
 */
export interface DifferentialCase {
  readonly name: string;
  readonly object: CaseObject;
  readonly before?: CaseObject;
  readonly statusWrite?: boolean;
  readonly expect: Expected;
  /** Channels whose CRDs the case is meant for (default both). */
  readonly channels?: readonly Channel[];
  /** Releases whose CRDs the case is meant for (default all of CRD_SETS), for a rule a release changed. */
  readonly releases?: readonly string[];
}

export const accepted: Expected = 'accepted';

export function refusedAt(path: string): Expected {
  return { refusedAt: path };
}
