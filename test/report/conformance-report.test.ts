import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { renderConformanceReport } from '../../harness/report/conformance-report.ts';
import type { RunResult } from '../../harness/runner/results.ts';
import { conformanceReportProblems } from './conformance-report-schema.ts';
import { FIXTURE_RUN } from './fixture-run.ts';

interface Status {
  result: string;
  statistics: { Passed: number; Skipped: number; Failed: number };
  skippedTests?: string[];
  failedTests?: string[];
}

interface Report {
  profiles: { name: string; summary: string; core: Status; extended?: Status & { supportedFeatures?: string[] } }[];
  succeededProvisionalTests?: string[];
}

const report = (run: RunResult) => parse(renderConformanceReport(run)) as Report;

describe('conformance-report.yaml against the upstream schema', () => {
  it('the fixture run has no schema problems', () => {
    expect(conformanceReportProblems(parse(renderConformanceReport(FIXTURE_RUN)))).toEqual([]);
  });

  it('the checker catches what it should', () => {
    const broken = parse(renderConformanceReport(FIXTURE_RUN)) as Record<string, unknown> & Report;
    broken.profiles[0]!.core.statistics = { passed: 1 } as unknown as Status['statistics'];
    broken.date = 'yesterday';
    broken.extra = true;
    broken.profiles[0]!.core.skippedTests = [];
    expect(conformanceReportProblems(broken)).toEqual([
      'report.date: want an RFC 3339 date string, got "yesterday"',
      'report.profiles[0].core.statistics.Passed: required',
      'report.profiles[0].core.statistics.Skipped: required',
      'report.profiles[0].core.statistics.Failed: required',
      'report.profiles[0].core.statistics.passed: not in the schema',
      'report.profiles[0].core.skippedTests: empty list should be omitted',
      'report.extra: not in the schema',
    ]);
  });

  it('without implementation details and with nothing provisional, those keys are absent and the schema holds', () => {
    const { implementation: _unused, ...bare } = FIXTURE_RUN;
    const run: RunResult = { ...bare, tests: FIXTURE_RUN.tests.filter((t) => !t.provisional) };
    const document = parse(renderConformanceReport(run)) as Record<string, unknown>;
    expect(document.implementation).toBeUndefined();
    expect(document.succeededProvisionalTests).toBeUndefined();
    expect(conformanceReportProblems(document)).toEqual([]);
  });

  it('counts like upstream: notSupported and provisionalSkipped out, provisional passes in and listed', () => {
    const { profiles, succeededProvisionalTests } = report(FIXTURE_RUN);
    const [grpc, ours] = profiles;
    expect(grpc?.core).toEqual({
      result: 'failure',
      statistics: { Passed: 1, Skipped: 1, Failed: 1 },
      skippedTests: ['GRPCRouteWeight'],
      failedTests: ['GRPCRouteHeaderMatching'],
    });
    // GRPCRouteListenerPort8080 is ours: upstream's GATEWAY-GRPC never sees it, so no extended section there.
    expect(grpc?.extended).toBeUndefined();
    expect(ours?.name).toBe('GRPCROUTE-CONFORMANCE-EXTRA');
    expect(ours?.extended?.statistics).toEqual({ Passed: 2, Skipped: 0, Failed: 0 });
    expect(ours?.extended?.supportedFeatures).toEqual(['GRPCRouteNamedRouteRule', 'GRPCRouteRequestMirror', 'GatewayPort8080']);
    expect(succeededProvisionalTests).toEqual(['GRPCRouteNamedRule']);
    expect(grpc?.summary).toBe('Core tests failed with 1 test failures.');
  });

  it('uses the upstream summary sentences for partial and success', () => {
    const run: RunResult = { ...FIXTURE_RUN, tests: FIXTURE_RUN.tests.filter((t) => t.outcome !== 'failed') };
    expect(report(run).profiles[0]?.summary).toBe('Core tests partially succeeded with 1 test skips.');
    expect(report(run).profiles[1]?.summary).toBe('Core tests succeeded. Extended tests succeeded.');
    const clean: RunResult = { ...FIXTURE_RUN, tests: FIXTURE_RUN.tests.filter((t) => t.outcome === 'passed' && t.level === 'core') };
    expect(report(clean).profiles[0]).toMatchObject({ summary: 'Core tests succeeded.' });
    expect(report(clean).profiles[0]?.extended).toBeUndefined();
  });

  it('records the feature source in a leading comment, outside the upstream schema', () => {
    const text = renderConformanceReport(FIXTURE_RUN);
    expect(parseDocument(text).commentBefore).toContain('featureSource: inferred');
    expect(text.startsWith('#')).toBe(true);
  });

  it('quotes the date so YAML 1.1 readers keep it a string', () => {
    expect(renderConformanceReport(FIXTURE_RUN)).toContain(`date: "${FIXTURE_RUN.finishedAt}"`);
  });
});
