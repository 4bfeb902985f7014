import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { backendTlsPolicy, times } from './objects.ts';

const target = { group: '', kind: 'Service', name: 'grpc-infra-backend-v1' };
const caRef = { group: '', kind: 'ConfigMap', name: 'tls-checks-ca-certificate' };
const V = 'spec.validation';

const cases: ValidationCase[] = [
  { name: 'CA ConfigMap', obj: backendTlsPolicy({ targetRefs: [target], validation: { caCertificateRefs: [caRef], hostname: 'abc.example.com' } }), causes: [] },
  { name: 'well-known CAs', obj: backendTlsPolicy({ targetRefs: [target], validation: { wellKnownCACertificates: 'System', hostname: 'abc.example.com' } }), causes: [] },
  {
    name: 'both trust sources',
    obj: backendTlsPolicy({ targetRefs: [target], validation: { caCertificateRefs: [caRef], wellKnownCACertificates: 'System', hostname: 'a.example.com' } }),
    causes: [{ field: V, message: 'must not contain both CACertificateRefs and WellKnownCACertificates' }],
  },
  {
    // A missing required field stops the server from evaluating CEL rules at all.
    name: 'no trust source and no hostname',
    obj: backendTlsPolicy({ targetRefs: [target], validation: {} }),
    causes: [{ field: `${V}.hostname`, message: 'Required value' }],
  },
  {
    name: 'no trust source',
    obj: backendTlsPolicy({ targetRefs: [target], validation: { hostname: 'a.example.com' } }),
    causes: [{ field: V, message: 'must specify either CACertificateRefs or WellKnownCACertificates' }],
  },
  {
    name: 'targetRefs limits',
    obj: backendTlsPolicy({ targetRefs: times(17, () => ({ kind: 'Service', name: 'x', sectionName: 'p' })), validation: { wellKnownCACertificates: 'System', hostname: 'a.b' } }),
    causes: [
      { field: 'spec.targetRefs', message: 'Too many: 17' },
      ...times(17, (i) => ({ field: `spec.targetRefs[${i}].group`, message: 'Required value' })),
      { field: '<nil>', message: 'some validation rules were not checked because the object was invalid' },
    ],
  },
  {
    name: 'no targetRefs, bad hostname, unknown well-known value',
    obj: backendTlsPolicy({ targetRefs: [], validation: { wellKnownCACertificates: 'Mozilla', hostname: '*.example.com' } }),
    causes: [
      { field: 'spec.targetRefs', message: 'should have at least 1 items' },
      { field: `${V}.hostname`, message: 'should match' },
      { field: `${V}.wellKnownCACertificates`, message: 'should match' },
    ],
  },
];

describe('BackendTLSPolicy', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
