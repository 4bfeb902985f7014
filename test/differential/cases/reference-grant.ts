import { accepted, refusedAt, type DifferentialCase } from '../case.ts';
import { referenceGrant, times } from './objects.ts';

const FROM = { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'routes' };

// ReferenceGrant has no CEL rules; its schema constraints are what the table exercises.
export const REFERENCE_GRANT_CASES: DifferentialCase[] = [
  { name: 'ReferenceGrant: route to Services', object: referenceGrant({}), expect: accepted },
  { name: 'ReferenceGrant: to one named Secret', object: referenceGrant({ to: [{ group: '', kind: 'Secret', name: 'cert' }] }), expect: accepted },
  { name: 'ReferenceGrant: from Gateways and HTTPRoutes', object: referenceGrant({ from: [FROM, { ...FROM, kind: 'Gateway' }, { ...FROM, kind: 'HTTPRoute', namespace: 'web' }] }), expect: accepted },
  { name: 'ReferenceGrant: 16 from entries', object: referenceGrant({ from: times(16, (i) => ({ ...FROM, namespace: `ns-${i}` })) }), expect: accepted },
  { name: 'ReferenceGrant: custom group and kind', object: referenceGrant({ to: [{ group: 'example.com', kind: 'Thing' }] }), expect: accepted },
  { name: 'ReferenceGrant: empty from', object: referenceGrant({ from: [] }), expect: refusedAt('spec.from') },
  { name: 'ReferenceGrant: no to', object: { ...referenceGrant({}), spec: { from: [FROM] } }, expect: refusedAt('spec.to') },
  { name: 'ReferenceGrant: 17 from entries', object: referenceGrant({ from: times(17, (i) => ({ ...FROM, namespace: `ns-${i}` })) }), expect: refusedAt('spec.from') },
  { name: 'ReferenceGrant: 17 to entries', object: referenceGrant({ to: times(17, (i) => ({ group: '', kind: 'Service', name: `s${i}` })) }), expect: refusedAt('spec.to') },
  { name: 'ReferenceGrant: from without namespace', object: referenceGrant({ from: [{ group: FROM.group, kind: FROM.kind }] }), expect: refusedAt('spec.from[0].namespace') },
  { name: 'ReferenceGrant: from namespace with upper case', object: referenceGrant({ from: [{ ...FROM, namespace: 'Routes' }] }), expect: refusedAt('spec.from[0].namespace') },
  { name: 'ReferenceGrant: from group with upper case', object: referenceGrant({ from: [{ ...FROM, group: 'Example.com' }] }), expect: refusedAt('spec.from[0].group') },
  { name: 'ReferenceGrant: from kind starting with a digit', object: referenceGrant({ from: [{ ...FROM, kind: '1Route' }] }), expect: refusedAt('spec.from[0].kind') },
  { name: 'ReferenceGrant: to without kind', object: referenceGrant({ to: [{ group: '' }] }), expect: refusedAt('spec.to[0].kind') },
  { name: 'ReferenceGrant: to name over 253', object: referenceGrant({ to: [{ group: '', kind: 'Service', name: 'a'.repeat(254) }] }), expect: refusedAt('spec.to[0].name') },
  { name: 'ReferenceGrant: to group over 253', object: referenceGrant({ to: [{ group: 'a'.repeat(254), kind: 'Service' }] }), expect: refusedAt('spec.to[0].group') },
];
