import type { Condition } from '../kube/objects.ts';

/** A condition as the controller wants it; `lastTransitionTime` is filled in when merging. */
export type DesiredCondition = Omit<Condition, 'lastTransitionTime'>;

export function condition(
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  observedGeneration: number | undefined,
): DesiredCondition {
  return { type, status, reason, message, observedGeneration };
}

/** Kubernetes `metav1.Time`: RFC 3339 with second precision. */
export function kubeNow(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * Merges desired conditions into an existing list without reordering it: same type is updated in
 * place (keeping lastTransitionTime when the status did not change), new types are appended,
 * existing types listed in `dropTypes` but not desired are removed, and anything else (a condition
 * we do not own) is kept as is. A condition carrying a newer observedGeneration than ours is left
 * alone: it was written by someone who saw a newer spec.
 */
export function mergeConditions(
  existing: readonly Condition[] | undefined,
  desired: readonly DesiredCondition[],
  now: string,
  dropTypes: ReadonlySet<string> | 'all-undesired',
): Condition[] {
  const wanted = new Map(desired.map((c) => [c.type, c]));
  const result: Condition[] = [];
  for (const current of existing ?? []) {
    const next = wanted.get(current.type);
    if (!next) {
      const drop = dropTypes === 'all-undesired' || dropTypes.has(current.type);
      if (!drop) result.push(current);
      continue;
    }
    wanted.delete(current.type);
    if ((current.observedGeneration ?? 0) > (next.observedGeneration ?? 0)) {
      result.push(current);
      continue;
    }
    const transition = current.status === next.status && current.lastTransitionTime ? current.lastTransitionTime : now;
    result.push(withTime(next, transition));
  }
  for (const next of wanted.values()) result.push(withTime(next, now));
  return result;
}

/**
 * Desired conditions of `types` that carry the existing condition's observedGeneration whenever
 * their status and reason did not change: what a writer does that compares only status and reason
 * (the *-generation-on-change-only faults).
 */
export function keepGenerationUnlessChanged(existing: readonly Condition[] | undefined, desired: readonly DesiredCondition[], types: ReadonlySet<string>): DesiredCondition[] {
  return desired.map((next) => {
    const current = (existing ?? []).find((c) => c.type === next.type);
    const unchanged = types.has(next.type) && current !== undefined && current.status === next.status && current.reason === next.reason;
    return unchanged ? { ...next, observedGeneration: current.observedGeneration } : next;
  });
}

function withTime(c: DesiredCondition, lastTransitionTime: string): Condition {
  const out: Condition = { type: c.type, status: c.status, reason: c.reason, message: c.message, lastTransitionTime };
  if (c.observedGeneration !== undefined) out.observedGeneration = c.observedGeneration;
  return out;
}
