import type { FaultSet } from './faults.ts';

/** Round-robin position over a backend's endpoints; lives as long as the routing table that owns it. */
export class EndpointRotation {
  #next = 0;

  pick<T>(endpoints: readonly T[]): T | undefined {
    if (endpoints.length === 0) return undefined;
    const index = this.#next % endpoints.length;
    this.#next = (index + 1) % endpoints.length;
    return endpoints[index];
  }
}

function effectiveWeight(weight: number, faults: FaultSet): number {
  if (weight <= 0) return faults.has('route-to-weight-zero') ? 1 : 0;
  return faults.has('ignore-weights') ? 1 : weight;
}

/**
 * Picks one backend per RPC with probability weight / sum over ALL backends, invalid ones included (so their
 * share fails). Weight 0 is never picked; undefined when every weight is 0.
 */
export function pickWeighted<T extends { readonly config: { readonly weight: number } }>(
  backends: readonly T[],
  faults: FaultSet,
  random: () => number = Math.random,
): T | undefined {
  let total = 0;
  for (const backend of backends) total += effectiveWeight(backend.config.weight, faults);
  if (total <= 0) return undefined;
  let point = random() * total;
  for (const backend of backends) {
    const weight = effectiveWeight(backend.config.weight, faults);
    if (weight <= 0) continue;
    if (point < weight) return backend;
    point -= weight;
  }
  return backends.findLast((backend) => effectiveWeight(backend.config.weight, faults) > 0);
}
