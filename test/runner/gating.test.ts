import { describe, expect, it } from 'vitest';
import type { FeatureName } from '../../harness/features/features.ts';
import { decideGate } from '../../harness/runner/gating.ts';

const test = { name: 'T', features: ['Gateway', 'GRPCRoute', 'GRPCRouteRequestMirror'] as FeatureName[], provisional: false };
const all: FeatureName[] = ['Gateway', 'GRPCRoute', 'GRPCRouteRequestMirror'];
const config = { skipTests: [] as string[], exemptFeatures: [] as FeatureName[] };

describe('decideGate', () => {
  it('runs a test whose features are all supported', () => {
    expect(decideGate(test, { config, supportedFeatures: all })).toEqual({ run: true });
  });

  it('reports missing features as notSupported', () => {
    expect(decideGate(test, { config, supportedFeatures: ['Gateway', 'GRPCRoute'] })).toEqual({
      run: false,
      outcome: 'notSupported',
      reason: 'missing features: GRPCRouteRequestMirror',
      missingFeatures: ['GRPCRouteRequestMirror'],
    });
  });

  it('exempt features count as missing even when the facts list them', () => {
    const decision = decideGate(test, { config: { ...config, exemptFeatures: ['GRPCRouteRequestMirror'] }, supportedFeatures: all });
    expect(decision).toMatchObject({ run: false, outcome: 'notSupported' });
  });

  it('--run-test selects and bypasses feature gating; others are skipped with a reason', () => {
    const selected = { ...config, runTest: ['T'] };
    expect(decideGate(test, { config: selected, supportedFeatures: [] })).toEqual({ run: true });
    expect(decideGate({ ...test, name: 'Other' }, { config: selected, supportedFeatures: all })).toEqual({
      run: false,
      outcome: 'skipped',
      reason: 'not selected by --run-test',
    });
  });

  it('--skip-tests wins over everything else', () => {
    const decision = decideGate(test, { config: { ...config, runTest: ['T'], skipTests: ['T'] }, supportedFeatures: all });
    expect(decision).toEqual({ run: false, outcome: 'skipped', reason: 'skipped by --skip-tests' });
  });

  it('provisional tests run unless --skip-provisional', () => {
    const provisional = { ...test, provisional: true };
    expect(decideGate(provisional, { config, supportedFeatures: all })).toEqual({ run: true });
    expect(decideGate(provisional, { config: { ...config, skipProvisional: true }, supportedFeatures: all })).toMatchObject({
      run: false,
      outcome: 'provisionalSkipped',
    });
  });

  it('after a failure under --fail-fast the rest are skipped', () => {
    expect(decideGate(test, { config, supportedFeatures: all, failedFast: 'First' })).toEqual({
      run: false,
      outcome: 'skipped',
      reason: 'not run: --fail-fast after First failed',
    });
  });
});
