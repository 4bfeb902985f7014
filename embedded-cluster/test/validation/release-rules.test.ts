import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/validation/index.ts';
import { releaseAtLeast } from '../../src/validation/release.ts';
import { gatewayClass, grpcRoute } from './objects.ts';

const UNIQUE = { field: 'spec.rules', message: 'Invalid value: Rule name must be unique within the route' };
const causesOf = (obj: Record<string, unknown>, bundleVersion?: string, old?: Record<string, unknown>) =>
  validateObject(obj, old, { channel: 'standard', ...(bundleVersion ? { bundleVersion } : {}) }).map((c) => ({ field: c.field, message: c.message }));

// Read from the module's config/crd/standard of each release (diff of v1.6.1 and v1.7.0).
describe('CRD rules follow the selected Gateway API release', () => {
  it('standard GRPCRoute: duplicate rule names pass before v1.7.0 and are refused from it', () => {
    const route = grpcRoute({ rules: [{ name: 'a' }, { name: 'a' }, {}] });
    expect(causesOf(route)).toEqual([]);
    expect(causesOf(route, 'v1.6.1')).toEqual([]);
    expect(causesOf(route, 'v1.7.0')).toEqual([UNIQUE]);
    expect(causesOf(grpcRoute({ rules: [{ name: 'a' }, { name: 'b' }, {}] }), 'v1.7.0')).toEqual([]);
  });

  it('GatewayClass controllerName immutability words its message the way each release does', () => {
    const [now, before] = [gatewayClass('example.com/other'), gatewayClass('example.com/one')];
    expect(causesOf(now, 'v1.6.1', before)).toEqual([{ field: 'spec.controllerName', message: 'Invalid value: Value is immutable' }]);
    expect(causesOf(now, 'v1.7.0', before)).toEqual([{ field: 'spec.controllerName', message: 'Invalid value: field is immutable' }]);
  });

  it('orders releases by number; a bundle version that is no release reads as the newest rules', () => {
    expect(releaseAtLeast('v1.6.1', 'v1.7.0')).toBe(false);
    expect(releaseAtLeast('v1.7.0', 'v1.7.0')).toBe(true);
    expect(releaseAtLeast('v1.10.0', 'v1.7.0')).toBe(true);
    expect(releaseAtLeast('v1.7.0-rc.1', 'v1.7.0')).toBe(true);
    expect(releaseAtLeast('v0.0.0-dev', 'v1.7.0')).toBe(false);
    expect(releaseAtLeast('UNDEFINED', 'v1.7.0')).toBe(true);
  });
});
