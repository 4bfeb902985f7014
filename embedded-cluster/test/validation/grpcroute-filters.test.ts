import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { grpcFilters, grpcRule, times } from './objects.ts';

const F = 'spec.rules[0].filters';
const addHeader = { type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'x-a', value: '1' }] } };
const responseSet = { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'x-b', value: '2' }] } };
const mirror = (fields: Record<string, unknown>): Record<string, unknown> => ({
  type: 'RequestMirror',
  requestMirror: { backendRef: { name: 'mirror', port: 8080 }, ...fields },
});

const cases: ValidationCase[] = [
  { name: 'one of each header modifier', obj: grpcFilters([addHeader, responseSet]), causes: [] },
  { name: 'mirror with percent', obj: grpcFilters([mirror({ percent: 50 })]), causes: [] },
  { name: 'two mirrors may repeat', obj: grpcFilters([mirror({}), mirror({ fraction: { numerator: 1 } })]), causes: [] },
  { name: 'extensionRef', obj: grpcFilters([{ type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Thing', name: 'x' } }]), causes: [] },
  {
    name: 'union: type without its member',
    obj: grpcFilters([{ type: 'RequestHeaderModifier' }]),
    causes: [{ field: `${F}[0]`, message: 'Invalid value: filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type' }],
  },
  {
    name: 'union: member of another type',
    obj: grpcFilters([{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm', port: 1 } }, requestHeaderModifier: { remove: ['x'] } }]),
    causes: [{ field: `${F}[0]`, message: 'filter.requestHeaderModifier must be nil if the filter.type is not RequestHeaderModifier' }],
  },
  {
    name: 'union: response and extension members on the wrong types',
    obj: grpcFilters([
      { type: 'ResponseHeaderModifier', responseHeaderModifier: {}, extensionRef: { group: '', kind: 'K', name: 'n' } },
      { type: 'ExtensionRef', responseHeaderModifier: {} },
    ]),
    causes: [
      { field: `${F}[0]`, message: 'filter.extensionRef must be nil if the filter.type is not ExtensionRef' },
      { field: `${F}[1]`, message: 'filter.responseHeaderModifier must be nil if the filter.type is not ResponseHeaderModifier' },
      { field: `${F}[1]`, message: 'filter.extensionRef must be specified for ExtensionRef filter.type' },
    ],
  },
  {
    name: 'union: mirror type without mirror',
    obj: grpcFilters([{ type: 'RequestMirror' }]),
    causes: [{ field: `${F}[0]`, message: 'filter.requestMirror must be specified for RequestMirror filter.type' }],
  },
  {
    name: 'union: type missing',
    obj: grpcFilters([{ requestMirror: { backendRef: { name: 'm', port: 1 } } }]),
    // The missing required type keeps the server from evaluating the union's CEL rules.
    causes: [{ field: `${F}[0].type`, message: 'Required value' }],
  },
  {
    name: 'type outside the GRPCRoute enum',
    obj: grpcFilters([{ type: 'URLRewrite' }]),
    causes: [
      {
        field: `${F}[0].type`,
        message: 'Unsupported value: "URLRewrite": supported values: "ResponseHeaderModifier", "RequestHeaderModifier", "RequestMirror", "ExtensionRef"',
      },
    ],
  },
  {
    name: 'repeated RequestHeaderModifier',
    obj: grpcFilters([addHeader, addHeader]),
    causes: [{ field: F, message: 'Invalid value: RequestHeaderModifier filter cannot be repeated' }],
  },
  {
    name: 'repeated ResponseHeaderModifier on a backendRef',
    obj: grpcRule({ backendRefs: [{ name: 'svc', port: 8080, filters: [responseSet, responseSet] }] }),
    causes: [{ field: 'spec.rules[0].backendRefs[0].filters', message: 'ResponseHeaderModifier filter cannot be repeated' }],
  },
  {
    name: 'more than 16 filters',
    obj: grpcFilters(times(17, () => mirror({}))),
    causes: [{ field: F, message: 'Too many: 17: must have at most 16 items' }],
  },
  {
    name: 'header filter: bad names, duplicates, too many',
    obj: grpcFilters([
      {
        type: 'RequestHeaderModifier',
        requestHeaderModifier: {
          set: [{ name: 'x a', value: '1' }],
          add: [{ name: 'x-a', value: '1' }, { name: 'x-a', value: '2' }],
          remove: [...times(16, (i) => `x-${i}`), 'x-0'],
        },
      },
    ]),
    causes: [
      { field: `${F}[0].requestHeaderModifier.set[0].name`, message: 'should match' },
      { field: `${F}[0].requestHeaderModifier.add[1]`, message: 'Duplicate value: {"name":"x-a"}' },
      { field: `${F}[0].requestHeaderModifier.remove`, message: 'Too many: 17: must have at most 16 items' },
      { field: `${F}[0].requestHeaderModifier.remove[16]`, message: 'Duplicate value: "x-0"', reason: 'FieldValueDuplicate' },
    ],
  },
  {
    name: 'mirror with both percent and fraction',
    obj: grpcFilters([mirror({ percent: 10, fraction: { numerator: 1, denominator: 10 } })]),
    causes: [{ field: `${F}[0].requestMirror`, message: 'Invalid value: Only one of percent or fraction may be specified in HTTPRequestMirrorFilter' }],
  },
  {
    name: 'mirror percent above 100',
    obj: grpcFilters([mirror({ percent: 101 })]),
    causes: [{ field: `${F}[0].requestMirror.percent`, message: `Invalid value: 101: ${F}[0].requestMirror.percent in body should be less than or equal to 100` }],
  },
  {
    name: 'mirror fraction numerator above the defaulted denominator',
    obj: grpcFilters([mirror({ fraction: { numerator: 101 } })]),
    causes: [{ field: `${F}[0].requestMirror.fraction`, message: 'numerator must be less than or equal to denominator' }],
  },
  {
    name: 'mirror fraction limits',
    obj: grpcFilters([mirror({ fraction: { numerator: -1, denominator: 0 } })]),
    causes: [
      { field: `${F}[0].requestMirror.fraction.numerator`, message: 'should be greater than or equal to 0' },
      { field: `${F}[0].requestMirror.fraction.denominator`, message: 'should be greater than or equal to 1' },
    ],
  },
  {
    name: 'mirror Service backendRef without port',
    obj: grpcFilters([{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'mirror' } } }]),
    causes: [{ field: `${F}[0].requestMirror.backendRef`, message: 'Must have port for Service reference' }],
  },
  {
    name: 'extensionRef missing group and kind',
    obj: grpcFilters([{ type: 'ExtensionRef', extensionRef: { name: 'x' } }]),
    causes: [
      { field: `${F}[0].extensionRef.group`, message: 'Required value' },
      { field: `${F}[0].extensionRef.kind`, message: 'Required value' },
    ],
  },
];

describe('GRPCRoute filters', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
