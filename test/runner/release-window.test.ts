import { describe, expect, it } from 'vitest';
import { featureInfo } from '../../harness/features/features.ts';
import { existsInRelease, featureExistsInRelease, UPSTREAM_SINCE, UPSTREAM_UNTIL } from '../../harness/features/release.ts';

describe('a name lives from its first release (since) to the first release without it (until, exclusive)', () => {
  it('a test upstream renamed in v1.7.0 exists in every v1.6 patch release and in none from v1.7.0', () => {
    expect(UPSTREAM_UNTIL.GatewayInfrastructure).toBe('v1.7.0');
    for (const version of ['v1.6.0', 'v1.6.1', 'v1.6.9']) expect(existsInRelease('GatewayInfrastructure', version), version).toBe(true);
    for (const version of ['v1.7.0', 'v1.7.2', 'v1.8.0']) expect(existsInRelease('GatewayInfrastructure', version), version).toBe(false);
  });

  it('its new name exists from v1.7.0 only, so every release has exactly one of the two', () => {
    expect(UPSTREAM_SINCE.GatewayInfrastructureMetadata).toBe('v1.7.0');
    for (const version of ['v1.6.1', 'v1.7.0', 'v1.8.0']) {
      expect([existsInRelease('GatewayInfrastructure', version), existsInRelease('GatewayInfrastructureMetadata', version)].filter(Boolean), version).toHaveLength(1);
    }
  });

  it('a feature with until is absent from that release on; without since or until it is always there', () => {
    const propagation = featureInfo('GatewayInfrastructurePropagation')!;
    expect(propagation.until).toBe('v1.7.0');
    expect(featureExistsInRelease(propagation, 'v1.6.1')).toBe(true);
    expect(featureExistsInRelease(propagation, 'v1.7.0')).toBe(false);
    expect(featureExistsInRelease({ since: 'v1.7.0', until: 'v1.8.0' }, 'v1.7.5')).toBe(true);
    expect(featureExistsInRelease({ since: 'v1.7.0', until: 'v1.8.0' }, 'v1.8.0')).toBe(false);
    expect(featureExistsInRelease({}, 'v1.6.0')).toBe(true);
    // A version that is not a release is judged as the default release (v1.7.0).
    expect(featureExistsInRelease(propagation, 'latest')).toBe(false);
  });

  it('our own test names exist in every release', () => {
    expect(existsInRelease('GRPCRouteStreaming', 'v1.6.1')).toBe(true);
    expect(existsInRelease('GRPCRouteStreaming', 'v1.7.0')).toBe(true);
  });
});
