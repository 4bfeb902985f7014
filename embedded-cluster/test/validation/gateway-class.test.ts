import { describe, it } from 'vitest';
import { expectCauses, type ValidationCase } from './expect-causes.ts';
import { gatewayClass } from './objects.ts';

const REFERENCE = 'grpcroute-conformance.dev/reference-gateway';

const cases: ValidationCase[] = [
  { name: 'reference controller', obj: gatewayClass(REFERENCE), causes: [] },
  { name: 'controllerName missing', obj: gatewayClass(undefined), causes: [{ field: 'spec.controllerName', message: 'Required value' }] },
  { name: 'controllerName without a path', obj: gatewayClass('example.com'), causes: [{ field: 'spec.controllerName', message: 'should match' }] },
  { name: 'unchanged on update', obj: gatewayClass(REFERENCE), old: gatewayClass(REFERENCE), causes: [] },
  {
    name: 'changed on update',
    obj: gatewayClass('example.com/other'),
    old: gatewayClass(REFERENCE),
    causes: [{ field: 'spec.controllerName', message: 'Invalid value: Value is immutable', reason: 'FieldValueInvalid' }],
  },
];

describe('GatewayClass', () => {
  it.each(cases)('$name', (row) => expectCauses(row));
});
