import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { httpRoute, times } from './objects.ts';

const cases: ValidationCase[] = [
  { name: 'no rules (a catch-all rule is defaulted)', obj: httpRoute({ parentRefs: [{ name: 'gw' }] }), causes: [] },
  { name: 'spec missing', obj: httpRoute(undefined), causes: [{ field: 'spec', message: 'Required value' }] },
  {
    name: 'parentRefs and hostnames share the GRPCRoute rules',
    obj: httpRoute({ parentRefs: [{ name: 'gw' }, { name: 'gw' }], hostnames: ['UPPER.example.com'] }),
    causes: [
      { field: 'spec.parentRefs', message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent' },
      { field: 'spec.hostnames[0]', message: 'should match' },
    ],
  },
  { name: 'more than 16 rules', obj: httpRoute({ rules: times(17, () => ({})) }), causes: [{ field: 'spec.rules', message: 'Too many: 17' }] },
  {
    name: 'backendRef without port',
    obj: httpRoute({ rules: [{ backendRefs: [{ name: 'svc' }] }] }),
    causes: [{ field: 'spec.rules[0].backendRefs[0]', message: 'Must have port for Service reference' }],
  },
  {
    name: 'relative path prefix',
    obj: httpRoute({ rules: [{ matches: [{ path: { value: 'api' } }] }] }),
    causes: [{ field: 'spec.rules[0].matches[0].path', message: "value must be an absolute path and start with '/'" }],
  },
];

describe('HTTPRoute (light)', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
