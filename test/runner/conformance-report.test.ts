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
  gatewayAPIVersion: 'v1.6.1',
  gatewayAPIChannel: 'standard',
  // ListenerSet is upstream's name, not one of our tests' features: it must still count.
  supportedFeatures: ['Gateway', 'GRPCRoute', 'ReferenceGrant', 'GatewayPort8080', 'GRPCRouteRequestMirror', 'ListenerSet'],
  featureSource: 'inferred',
  tests: [
    result('GRPCExactMethodMatching', ['Gateway', 'GRPCRoute'], 'passed'),
    result('GatewayInvalidRouteKind', ['Gateway'], 'skipped'),
    // Upstream's test of a feature our tests do not use; the result model holds upstream names as they come.
    result('ListenerSetDefaultNotAllowed', ['Gateway', 'ListenerSet'] as unknown as FeatureName[], 'failed'),
    // Ours, with only core features: upstream's rule would put it in GATEWAY-GRPC; our report never does.
    result('ZCore', ['Gateway', 'GRPCRoute'], 'passed'),
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
      gatewayAPIVersion: 'v1.6.1',
      gatewayAPIChannel: 'standard',
      mode: 'default',
      succeededProvisionalTests: ['Mirror'],
    });
    expect(report.implementation).toBeUndefined();
    expect(report.profiles.map((p) => p.name)).toEqual(['GATEWAY-GRPC', 'GRPCROUTE-CONFORMANCE-EXTRA']);
  });

  it('GATEWAY-GRPC holds only upstream tests of the release, its feature lists split as upstream splits them', () => {
    const [grpc] = report.profiles;
    expect(grpc).toEqual({
      name: 'GATEWAY-GRPC',
      summary: 'Core tests partially succeeded with 1 test skips. Extended tests failed with 1 test failures.',
      core: { result: 'partial', statistics: { Passed: 1, Skipped: 1, Failed: 0 }, skippedTests: ['GatewayInvalidRouteKind'] },
      extended: {
        result: 'failure',
        statistics: { Passed: 0, Skipped: 0, Failed: 1 },
        failedTests: ['ListenerSetDefaultNotAllowed'],
        supportedFeatures: ['GatewayPort8080', 'ListenerSet'],
        unsupportedFeatures: [
          'GatewayAddressEmpty',
          'GatewayBackendClientCertificate',
          'GatewayFrontendClientCertificateValidation',
          'GatewayFrontendClientCertificateValidationInsecureFallback',
          'GatewayHTTPListenerIsolation',
          'GatewayHTTPSListenerDetectMisdirectedRequests',
          'GatewayInfrastructurePropagation',
          'GatewayStaticAddresses',
        ],
      },
    });
  });

  it('our own tests count under our profile only; notSupported is not counted', () => {
    const ours = report.profiles[1];
    expect(ours?.name).toBe('GRPCROUTE-CONFORMANCE-EXTRA');
    expect(ours?.core).toEqual({ result: 'success', statistics: { Passed: 1, Skipped: 0, Failed: 0 } });
    expect(ours?.extended).toMatchObject({ result: 'failure', statistics: { Passed: 1, Skipped: 0, Failed: 1 }, failedTests: ['Port8080'] });
  });

  it('a v1.7 release line brings its own profile: BackendTLSPolicy features join GATEWAY-GRPC extended', () => {
    const v17 = parse(renderConformanceReport({ ...run, gatewayAPIVersion: 'v1.7.0' })) as typeof report;
    const unsupported = v17.profiles[0]?.extended?.unsupportedFeatures as string[];
    expect(unsupported).toContain('BackendTLSPolicy');
    expect(unsupported).toContain('GatewayRouteHostnameIntersectionPrecedence');
  });

  it('is sorted, so the same run renders the same bytes', () => {
    const text = renderConformanceReport(run);
    const reordered = renderConformanceReport({ ...run, tests: [...run.tests].reverse() });
    expect(reordered).toBe(text);
    expect(text.indexOf('apiVersion')).toBeLessThan(text.indexOf('kind'));
  });
});
