import type { PreparedRunLike } from './prepared-run.ts';

/**
 * Applies --low-port-offset over what the cluster provider reported: an "existing" cluster that
 * is really `grpcroute-conformance embedded` cannot know its own offset.
 */
export function withPortOffset(prepared: PreparedRunLike, offset: number | undefined): PreparedRunLike {
  if (offset === undefined) return prepared;
  return {
    facts: { ...prepared.facts, dial: { ...prepared.facts.dial, lowPortOffset: offset } },
    teardown: () => prepared.teardown(),
  };
}
