import { CONTROLLER_FAULTS } from './controller/controller-faults.ts';
import { DATA_PLANE_FAULTS } from './data-plane/faults.ts';
import { GatewayConfigError } from './errors.ts';

/** One deliberate bug the reference gateway can be started with, for mutation testing of the suite. */
export interface FaultInfo {
  readonly name: string;
  readonly description: string;
  readonly layer: 'controller' | 'data-plane';
  /** Legal behaviour, not a bug (e.g. a programming delay inside the consistency window): no test may fail on it. */
  readonly benign?: boolean;
}

/** Every fault, controller and data plane; names are unique and stable. */
export const FAULTS: readonly FaultInfo[] = [
  ...CONTROLLER_FAULTS.map((f) => ({ ...f, layer: 'controller' as const })),
  ...DATA_PLANE_FAULTS,
];

/** Validates fault names (an unknown name is a startup error, never silently ignored). */
export function resolveFaults(names: readonly string[]): ReadonlySet<string> {
  const known = new Set(FAULTS.map((f) => f.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new GatewayConfigError(`unknown fault(s): ${unknown.join(', ')}`, { unknown, known: [...known] });
  }
  return new Set(names);
}

/** Parses `GRPCROUTE_REFERENCE_FAULTS` (comma list; blanks ignored). */
export function parseFaultList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
