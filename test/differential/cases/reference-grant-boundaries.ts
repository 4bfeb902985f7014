import { accepted, type DifferentialCase } from '../case.ts';
import { referenceGrant, times } from './objects.ts';

const FROM = { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'routes' };

// Valid twins of the refused cases: each sits on the accepting side of a limit.
export const REFERENCE_GRANT_BOUNDARY_CASES: DifferentialCase[] = [
  { name: 'ReferenceGrant: 16 to entries', object: referenceGrant({ to: times(16, (i) => ({ group: '', kind: 'Service', name: `s${i}` })) }), expect: accepted },
  { name: 'ReferenceGrant: to name of 253', object: referenceGrant({ to: [{ group: '', kind: 'Service', name: 'a'.repeat(253) }] }), expect: accepted },
  { name: 'ReferenceGrant: from namespace of 63', object: referenceGrant({ from: [{ ...FROM, namespace: 'n'.repeat(63) }] }), expect: accepted },
  { name: 'ReferenceGrant: kind with dashes and digits', object: referenceGrant({ from: [{ ...FROM, kind: 'My-Route2' }] }), expect: accepted },
  { name: 'ReferenceGrant: from the core group', object: referenceGrant({ from: [{ ...FROM, group: '', kind: 'Pod' }] }), expect: accepted },
];
