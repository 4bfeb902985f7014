import { CONTROLLER_FAULTS } from './controller/controller-faults.ts';
import { DATA_PLANE_FAULTS } from './data-plane/faults.ts';
import { GatewayConfigError } from './errors.ts';
import { isVariant, resolveVariants } from './variants.ts';

/** One deliberate bug the reference gateway can be started with, for mutation testing of the suite. */
export interface FaultInfo {
  readonly name: string;
  readonly description: string;
  readonly layer: 'controller' | 'data-plane';
}

/**
 * Every fault, controller and data plane; names are unique and stable. Legal behaviour is never a
 * fault: it is a neutral variant (variants.ts), which the suite must pass.
 */
export const FAULTS: readonly FaultInfo[] = [
  ...CONTROLLER_FAULTS.map((f) => ({ ...f, layer: 'controller' as const })),
  ...DATA_PLANE_FAULTS,
];

/**
 * Validates fault names (an unknown name is a startup error, never silently ignored). A variant
 * named here is accepted too, so older fault lists that named `slow-programming` keep working.
 */
export function resolveFaults(names: readonly string[]): ReadonlySet<string> {
  const known = new Set(FAULTS.map((f) => f.name));
  const unknown = names.filter((n) => !known.has(n) && !isVariant(n));
  if (unknown.length > 0) {
    throw new GatewayConfigError(`unknown fault(s): ${unknown.join(', ')}`, { unknown, known: [...known] });
  }
  return new Set(names);
}

/**
 * The behaviour switches the gateway runs with: faults (GRPCROUTE_REFERENCE_FAULTS) and neutral
 * variants (GRPCROUTE_REFERENCE_VARIANTS), both validated. Controller and data plane read one set.
 */
export function resolveSwitches(faults: readonly string[], variants: readonly string[]): ReadonlySet<string> {
  return new Set([...resolveFaults(faults), ...resolveVariants(variants)]);
}

/** Parses `GRPCROUTE_REFERENCE_FAULTS` / `GRPCROUTE_REFERENCE_VARIANTS` (comma list; blanks ignored). */
export function parseFaultList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
