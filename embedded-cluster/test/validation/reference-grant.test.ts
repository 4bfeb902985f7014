import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { referenceGrant, times } from './objects.ts';

const from = { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'grpc-conformance-infra' };
const to = { group: '', kind: 'Service' };

const cases: ValidationCase[] = [
  { name: 'route to any Service', obj: referenceGrant({ from: [from], to: [to] }), causes: [] },
  { name: 'route to one named Service', obj: referenceGrant({ from: [from], to: [{ ...to, name: 'backend' }] }), causes: [] },
  {
    name: 'lists missing',
    obj: referenceGrant({}),
    causes: [
      { field: 'spec.from', message: 'Required value' },
      { field: 'spec.to', message: 'Required value' },
    ],
  },
  {
    name: 'empty and oversized lists',
    obj: referenceGrant({ from: [], to: times(17, () => to) }),
    causes: [
      { field: 'spec.from', message: 'Invalid value: 0: spec.from in body should have at least 1 items' },
      { field: 'spec.to', message: 'Too many: 17: must have at most 16 items' },
    ],
  },
  {
    name: 'entries missing fields',
    obj: referenceGrant({ from: [{ kind: 'GRPCRoute' }], to: [{ group: '', name: '' }] }),
    causes: [
      { field: 'spec.from[0].group', message: 'Required value' },
      { field: 'spec.from[0].namespace', message: 'Required value' },
      { field: 'spec.to[0].kind', message: 'Required value' },
      { field: 'spec.to[0].name', message: 'should be at least 1 chars long' },
    ],
  },
];

describe('ReferenceGrant', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
