import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FeatureName } from '../../harness/features/features.ts';
import { renderConformanceReport } from '../../harness/report/conformance-report.ts';
import type { RunResult, TestOutcome, TestResult } from '../../harness/runner/results.ts';

const result = (name: string, features: FeatureName[], outcome: TestOutcome, provisional = false): TestResult => ({
  name,
  description: '',
  features,
  level: 'core',
  provisional,
  specRefs: [],
  outcome,
  durationMs: 1,
  cases: [],
});

const run: RunResult = {
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  gatewayClass: 'grpcroute-reference',
  cluster: 'embedded',
  mode: 'default',
  gatewayAPIVersion: 'v1.4.0',
  gatewayAPIChannel: 'standard',
  supportedFeatures: ['Gateway', 'GRPCRoute', 'ReferenceGrant', 'GatewayPort8080', 'GRPCRouteRequestMirror'],
  featureSource: 'inferred',
  tests: [
    result('ZCore', ['Gateway', 'GRPCRoute'], 'passed'),
    result('ACoreSkipped', ['Gateway', 'GRPCRoute'], 'skipped'),
    result('Port8080', ['GRPCRoute', 'GatewayPort8080'], 'failed'),
    result('Mirror', ['GRPCRoute', 'GRPCRouteRequestMirror'], 'passed', true),
    result('Regex', ['GRPCRoute', 'GRPCRouteMethodRegexMatch'], 'notSupported'),
  ],
};

describe('conformance-report.yaml', () => {
  const report = parse(renderConformanceReport(run)) as {
    profiles: { name: string; summary: string; core: Record<string, unknown>; extended?: Record<string, unknown> }[];
  } & Record<string, unknown>;

  it('has the upstream top-level shape', () => {
    expect(report).toMatchObject({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'ConformanceReport',
      date: '2026-01-01T00:01:00.000Z',
      gatewayAPIVersion: 'v1.4.0',
      gatewayAPIChannel: 'standard',
      mode: 'default',
      succeededProvisionalTests: ['Mirror'],
    });
    expect(report.implementation).toBeUndefined();
    expect(report.profiles.map((p) => p.name)).toEqual(['GATEWAY-GRPC', 'GRPCROUTE-EXTENDED']);
  });

  it('counts core and extended per profile like upstream; notSupported is not counted', () => {
    const [grpc, extended] = report.profiles;
    expect(grpc).toEqual({
      name: 'GATEWAY-GRPC',
      summary: 'Core tests partially succeeded with 1 test skips. Extended tests failed with 1 test failures.',
      core: { result: 'partial', statistics: { Passed: 1, Skipped: 1, Failed: 0 }, skippedTests: ['ACoreSkipped'] },
      extended: {
        result: 'failure',
        statistics: { Passed: 0, Skipped: 0, Failed: 1 },
        failedTests: ['Port8080'],
        supportedFeatures: ['GatewayPort8080'],
        unsupportedFeatures: ['BackendTLSPolicy', 'BackendTLSPolicySANValidation', 'GatewayHTTPListenerIsolation'],
      },
    });
    expect(extended?.extended).toMatchObject({ result: 'success', statistics: { Passed: 1, Skipped: 0, Failed: 0 } });
  });

  it('is sorted, so the same run renders the same bytes', () => {
    const text = renderConformanceReport(run);
    const reordered = renderConformanceReport({ ...run, tests: [...run.tests].reverse() });
    expect(reordered).toBe(text);
    expect(text.indexOf('apiVersion')).toBeLessThan(text.indexOf('kind'));
  });
});
