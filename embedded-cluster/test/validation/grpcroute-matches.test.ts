import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { grpcMatch, times } from './objects.ts';

const M = 'spec.rules[0].matches[0]';
const SERVICE_RULE = 'service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)';
const METHOD_RULE = 'method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)';

const cases: ValidationCase[] = [
  { name: 'Exact service and method', obj: grpcMatch({ method: { service: 'com.example.User', method: 'Login' } }), causes: [] },
  { name: 'service only, leading dot', obj: grpcMatch({ method: { service: '.grpc.health.v1.Health' } }), causes: [] },
  { name: 'method only', obj: grpcMatch({ method: { method: 'Echo' } }), causes: [] },
  { name: 'regex type accepts anything, even empty', obj: grpcMatch({ method: { type: 'RegularExpression', service: '', method: 'Echo.*' } }), causes: [] },
  {
    name: 'neither service nor method (kubectl must-show)',
    obj: grpcMatch({ method: {} }),
    causes: [{ field: `${M}.method`, message: `Invalid value: One or both of 'service' or 'method' must be specified`, reason: 'FieldValueInvalid' }],
  },
  {
    name: 'RegularExpression with neither still fails (type is always set)',
    obj: grpcMatch({ method: { type: 'RegularExpression' } }),
    causes: [{ field: `${M}.method`, message: "One or both of 'service' or 'method' must be specified" }],
  },
  { name: 'service with a slash', obj: grpcMatch({ method: { service: 'com.example/User' } }), causes: [{ field: `${M}.method`, message: SERVICE_RULE }] },
  { name: 'empty Exact service', obj: grpcMatch({ method: { service: '', method: 'Echo' } }), causes: [{ field: `${M}.method`, message: SERVICE_RULE }] },
  { name: 'service with two leading dots', obj: grpcMatch({ method: { service: '..a' } }), causes: [{ field: `${M}.method`, message: SERVICE_RULE }] },
  { name: 'method with a dot', obj: grpcMatch({ method: { service: 'a.B', method: 'Echo.Two' } }), causes: [{ field: `${M}.method`, message: METHOD_RULE }] },
  {
    name: 'unknown method type',
    obj: grpcMatch({ method: { type: 'Prefix', service: 'a' } }),
    causes: [{ field: `${M}.method.type`, message: 'Unsupported value: "Prefix": supported values: "Exact", "RegularExpression"', reason: 'FieldValueNotSupported' }],
  },
  {
    name: 'service longer than 1024',
    obj: grpcMatch({ method: { type: 'RegularExpression', service: 'a'.repeat(1025) } }),
    causes: [{ field: `${M}.method.service`, message: 'Too long: may not be more than 1024 bytes', reason: 'FieldValueTooLong' }],
  },
  { name: 'header exact', obj: grpcMatch({ headers: [{ name: 'x-env', value: 'canary' }] }), causes: [] },
  {
    name: 'header names differing in case',
    obj: grpcMatch({ headers: [{ name: 'x-env', value: 'a' }, { name: 'X-Env', value: 'b' }] }),
    causes: [],
  },
  {
    // Only the first failing string keyword is reported: minLength hides the pattern.
    name: 'empty header name (kubectl must-show)',
    obj: grpcMatch({ headers: [{ name: '', value: 'v' }] }),
    causes: [{ field: `${M}.headers[0].name`, message: `Invalid value: "": ${M}.headers[0].name in body should be at least 1 chars long`, reason: 'FieldValueInvalid' }],
  },
  {
    name: 'pseudo-header name',
    obj: grpcMatch({ headers: [{ name: ':authority', value: 'v' }] }),
    causes: [{ field: `${M}.headers[0].name`, message: 'should match' }],
  },
  {
    name: 'duplicate header names',
    obj: grpcMatch({ headers: [{ name: 'x-a', value: '1' }, { name: 'x-a', value: '2' }] }),
    causes: [{ field: `${M}.headers[1]`, message: 'Duplicate value: {"name":"x-a"}', reason: 'FieldValueDuplicate' }],
  },
  {
    name: 'header value missing and empty',
    obj: grpcMatch({ headers: [{ name: 'x-a' }, { name: 'x-b', value: '' }] }),
    causes: [
      { field: `${M}.headers[0].value`, message: 'Required value', reason: 'FieldValueRequired' },
      { field: `${M}.headers[1].value`, message: 'should be at least 1 chars long' },
    ],
  },
  {
    name: 'header value longer than 4096',
    obj: grpcMatch({ headers: [{ name: 'x-a', value: 'v'.repeat(4097) }] }),
    causes: [{ field: `${M}.headers[0].value`, message: 'Too long: may not be more than 4096 bytes' }],
  },
  {
    name: 'unknown header match type is rejected by the enum',
    obj: grpcMatch({ headers: [{ type: 'Prefix', name: 'x-a', value: 'v' }] }),
    causes: [{ field: `${M}.headers[0].type`, message: 'Unsupported value: "Prefix"', reason: 'FieldValueNotSupported' }],
  },
  {
    name: 'more than 16 header matches',
    obj: grpcMatch({ headers: times(17, (i) => ({ name: `x-${i}`, value: 'v' })) }),
    causes: [{ field: `${M}.headers`, message: 'Too many: 17: must have at most 16 items' }],
  },
  {
    name: 'header name of the wrong type',
    obj: grpcMatch({ headers: [{ name: 7, value: 'v' }] }),
    causes: [{ field: `${M}.headers[0].name`, message: `Invalid value: "integer": ${M}.headers[0].name in body must be of type string: "integer"`, reason: 'FieldValueTypeInvalid' }],
  },
];

describe('GRPCRoute matches', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
