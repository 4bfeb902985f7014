import { describe, expect, it } from 'vitest';
import { testInRelease } from '../../harness/runner/test-in-release.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';

const named = (name: string) => CONFORMANCE_TESTS.find((t) => t.name === name)!;

describe('testInRelease', () => {
  it('keeps the base features before the first featuresFrom release, and takes the newest one reached after', () => {
    const missingCa = named('GRPCRouteBackendTLSMissingCA');
    expect(testInRelease(missingCa, 'v1.6.1').features).toContain('GRPCRouteBackendTLSPolicy');
    expect(testInRelease(missingCa, 'v1.7.0').features).toEqual(['Gateway', 'GRPCRoute', 'BackendTLSPolicy']);
    expect(testInRelease(named('GatewayInvalidParametersRef'), 'v1.6.3').features).toEqual(['Gateway']);
    expect(testInRelease(named('GatewayInvalidParametersRef'), 'v1.7.1').features).toEqual(['Gateway', 'GatewayInfrastructure']);
  });

  it('returns a test without featuresFrom unchanged', () => {
    const plain = named('GRPCExactMethodMatching');
    expect(testInRelease(plain, 'v1.7.0')).toBe(plain);
  });

  it('makes a test upstream promoted provisional only in the releases before', () => {
    const optional = named('GatewayOptionalAddressValue');
    expect(testInRelease(optional, 'v1.6.1').provisional).toBe(true);
    expect(testInRelease(optional, 'v1.7.0').provisional).toBeUndefined();
  });
});
