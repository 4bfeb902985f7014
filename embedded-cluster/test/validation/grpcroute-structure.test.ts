import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/validation/index.ts';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { grpcRoute, grpcRule, times } from './objects.ts';

const SAME_PARENT_SPECIFIED = 'sectionName must be specified when parentRefs includes 2 or more references to the same parent';
const SAME_PARENT_UNIQUE = 'sectionName must be unique when parentRefs includes 2 or more references to the same parent';
const TOTAL_MATCHES =
  'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128';
const EXPERIMENTAL = { 'gateway.networking.k8s.io/channel': 'experimental' };
const match = { method: { service: 'a.B' } };
const rulesWithMatches = (counts: number[]): Record<string, unknown>[] => counts.map((n) => ({ matches: times(n, () => match) }));

const cases: ValidationCase[] = [
  { name: 'empty spec', obj: grpcRoute({}), causes: [] },
  { name: 'no rules', obj: grpcRoute({ parentRefs: [{ name: 'gw' }], rules: [] }), causes: [] },
  { name: 'spec missing', obj: grpcRoute(undefined), causes: [{ field: 'spec', message: 'Required value', reason: 'FieldValueRequired' }] },
  {
    name: 'parentRef field limits',
    obj: grpcRoute({
      parentRefs: [{ name: '', group: 'Bad_Group', kind: '1Gateway', namespace: 'Upper', sectionName: 'a_b', port: 0 }, { group: '' }],
    }),
    causes: [
      { field: 'spec.parentRefs[0].name', message: 'should be at least 1 chars long' },
      { field: 'spec.parentRefs[0].group', message: 'should match' },
      { field: 'spec.parentRefs[0].kind', message: 'should match' },
      { field: 'spec.parentRefs[0].namespace', message: 'should match' },
      { field: 'spec.parentRefs[0].sectionName', message: 'should match' },
      { field: 'spec.parentRefs[0].port', message: 'Invalid value: 0: spec.parentRefs[0].port in body should be greater than or equal to 1' },
      { field: 'spec.parentRefs[1].name', message: 'Required value' },
    ],
  },
  {
    name: 'more than 32 parentRefs',
    obj: grpcRoute({ parentRefs: times(33, (i) => ({ name: `gw-${i}` })) }),
    causes: [{ field: 'spec.parentRefs', message: 'Too many: 33: must have at most 32 items' }],
  },
  {
    name: 'same parent with distinct sectionNames',
    obj: grpcRoute({ parentRefs: [{ name: 'gw', sectionName: 'a' }, { name: 'gw', sectionName: 'b' }] }),
    causes: [],
  },
  {
    name: 'same parent, one without sectionName',
    obj: grpcRoute({ parentRefs: [{ name: 'gw', sectionName: 'a' }, { name: 'gw' }] }),
    causes: [{ field: 'spec.parentRefs', message: `Invalid value: ${SAME_PARENT_SPECIFIED}` }],
  },
  {
    name: 'same parent, same sectionName; unset and "" namespace are alike',
    obj: grpcRoute({ parentRefs: [{ name: 'gw', sectionName: 'a' }, { name: 'gw', namespace: '', sectionName: 'a' }] }),
    causes: [
      { field: 'spec.parentRefs[1].namespace', message: 'should be at least 1 chars long' },
      { field: 'spec.parentRefs', message: SAME_PARENT_UNIQUE },
    ],
  },
  {
    name: 'same name in different namespaces is not the same parent',
    obj: grpcRoute({ parentRefs: [{ name: 'gw', namespace: 'a' }, { name: 'gw', namespace: 'b', sectionName: 'x' }] }),
    causes: [],
  },
  {
    name: 'identical refs without sectionName',
    obj: grpcRoute({ parentRefs: [{ name: 'gw' }, { name: 'gw' }] }),
    causes: [{ field: 'spec.parentRefs', message: SAME_PARENT_UNIQUE }],
  },
  {
    name: 'standard channel ignores port when comparing parents',
    obj: grpcRoute({ parentRefs: [{ name: 'gw', port: 80 }, { name: 'gw', port: 443 }] }),
    causes: [{ field: 'spec.parentRefs', message: SAME_PARENT_UNIQUE }],
  },
  {
    name: 'experimental channel: distinct ports make parents unique',
    obj: grpcRoute({ parentRefs: [{ name: 'gw', port: 80 }, { name: 'gw', port: 443 }] }, EXPERIMENTAL),
    causes: [],
  },
  {
    name: 'hostnames',
    obj: grpcRoute({ hostnames: ['*.example.com', 'a.b', 'Example.com', '*', 'a.*.com', '', 'x'.repeat(254)] }),
    causes: [
      { field: 'spec.hostnames[2]', message: 'should match' },
      { field: 'spec.hostnames[3]', message: 'should match' },
      { field: 'spec.hostnames[4]', message: 'should match' },
      { field: 'spec.hostnames[5]', message: 'should be at least 1 chars long' },
      { field: 'spec.hostnames[6]', message: 'Too long: may not be more than 253 bytes' },
    ],
  },
  {
    name: 'more than 16 hostnames',
    obj: grpcRoute({ hostnames: times(17, (i) => `h${i}.example.com`) }),
    causes: [{ field: 'spec.hostnames', message: 'Too many: 17' }],
  },
  { name: 'more than 16 rules', obj: grpcRoute({ rules: times(17, () => ({})) }), causes: [{ field: 'spec.rules', message: 'Too many: 17: must have at most 16 items' }] },
  { name: '128 matches in total is allowed', obj: grpcRoute({ rules: rulesWithMatches([64, 64]) }), causes: [] },
  {
    name: 'too many matches across rules',
    obj: grpcRoute({ rules: rulesWithMatches([64, 64, 1]) }),
    causes: [{ field: 'spec.rules', message: `Invalid value: ${TOTAL_MATCHES}` }],
  },
  {
    name: 'more than 64 matches in one rule',
    obj: grpcRoute({ rules: rulesWithMatches([65]) }),
    causes: [{ field: 'spec.rules[0].matches', message: 'Too many: 65: must have at most 64 items' }],
  },
  { name: 'rule name pattern', obj: grpcRule({ name: 'Bad Name' }), causes: [{ field: 'spec.rules[0].name', message: 'should match' }] },
  { name: 'duplicate rule names pass on the standard channel', obj: grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }] }), causes: [] },
  {
    name: 'duplicate rule names fail on the experimental channel',
    obj: grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }, {}] }, EXPERIMENTAL),
    causes: [{ field: 'spec.rules', message: 'Invalid value: Rule name must be unique within the route' }],
  },
  {
    name: 'backendRef without port (Service)',
    obj: grpcRule({ backendRefs: [{ name: 'svc' }] }),
    causes: [{ field: 'spec.rules[0].backendRefs[0]', message: 'Invalid value: Must have port for Service reference' }],
  },
  { name: 'backendRef of another kind needs no port', obj: grpcRule({ backendRefs: [{ group: 'example.com', kind: 'Thing', name: 'x' }] }), causes: [] },
  {
    name: 'backendRef limits',
    obj: grpcRule({ backendRefs: [{ name: 'svc', port: 65536, weight: 1_000_001 }, { name: 'svc', port: 1, weight: -1 }] }),
    causes: [
      { field: 'spec.rules[0].backendRefs[0].port', message: 'should be less than or equal to 65535' },
      { field: 'spec.rules[0].backendRefs[0].weight', message: 'should be less than or equal to 1000000' },
      { field: 'spec.rules[0].backendRefs[1].weight', message: 'should be greater than or equal to 0' },
    ],
  },
  {
    name: 'more than 16 backendRefs',
    obj: grpcRule({ backendRefs: times(17, (i) => ({ name: `svc-${i}`, port: 80 })) }),
    causes: [{ field: 'spec.rules[0].backendRefs', message: 'Too many: 17' }],
  },
  {
    name: 'port given as a string',
    obj: grpcRule({ backendRefs: [{ name: 'svc', port: '8080' }] }),
    causes: [
      { field: 'spec.rules[0].backendRefs[0].port', message: 'must be of type integer: "string"', reason: 'FieldValueTypeInvalid' },
    ],
  },
];

describe('GRPCRoute structure', () => {
  it.each(cases)('$name', (row) => expectCauses(row));

  it('takes the channel from an option over the annotation', () => {
    const route = grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }] });
    expect(validateObject(route, undefined, { channel: 'experimental' })).toHaveLength(1);
    expect(validateObject(route)).toEqual([]);
  });

  it('does not modify the object it validates', () => {
    const route = grpcRule({ matches: [{ method: {} }], backendRefs: [{ name: 'svc' }] });
    const before = structuredClone(route);
    validateObject(route);
    expect(route).toEqual(before);
  });
});
