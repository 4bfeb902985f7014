import type { ConformanceProfile } from '../features/profiles.ts';
import type { RunResult, TestResult } from '../runner/results.ts';

export interface Statistics {
  readonly Passed: number;
  readonly Skipped: number;
  readonly Failed: number;
}

export interface Status {
  readonly result: 'success' | 'partial' | 'failure';
  readonly statistics: Statistics;
  readonly skippedTests?: string[];
  readonly failedTests?: string[];
}

export interface ProfileReport {
  readonly name: string;
  readonly summary: string;
  readonly core: Status;
  readonly extended?: Status & { readonly supportedFeatures?: string[]; readonly unsupportedFeatures?: string[] };
}

// Upstream counts only these; notSupported and provisionalSkipped tests are left out.
const COUNTED = new Set<TestResult['outcome']>(['passed', 'failed', 'skipped']);

function status(tests: readonly TestResult[]): Status {
  const names = (outcome: TestResult['outcome']) => tests.filter((t) => t.outcome === outcome).map((t) => t.name).sort();
  const failed = names('failed');
  const skipped = names('skipped');
  const passed = names('passed');
  return {
    result: failed.length > 0 ? 'failure' : skipped.length > 0 ? 'partial' : 'success',
    statistics: { Passed: passed.length, Skipped: skipped.length, Failed: failed.length },
    ...(skipped.length > 0 ? { skippedTests: skipped } : {}),
    ...(failed.length > 0 ? { failedTests: failed } : {}),
  };
}

function sentence(kind: 'Core' | 'Extended', s: Status): string {
  if (s.result === 'failure') return `${kind} tests failed with ${s.statistics.Failed} test failures.`;
  if (s.result === 'partial') return `${kind} tests partially succeeded with ${s.statistics.Skipped} test skips.`;
  return `${kind} tests succeeded.`;
}

/**
 * One profile's section, counted the way upstream's reports.go counts it: only the tests the
 * profile holds; a test is extended when any of its features is not core; the feature lists
 * are the profile's extended features split by the run's supported set, which (as upstream's
 * NewConformanceTestSuite does) includes the profile's core features.
 */
export function profileReport(profile: ConformanceProfile, run: RunResult): ProfileReport {
  const counted = run.tests.filter((t) => COUNTED.has(t.outcome) && profile.holds(t.name));
  const isCore = (t: TestResult) => t.features.every((f) => profile.core.includes(f));
  const core = status(counted.filter(isCore));
  const extendedTests = counted.filter((t) => !isCore(t));
  if (extendedTests.length === 0) return { name: profile.name, summary: sentence('Core', core), core };
  const supportedSet = new Set([...run.supportedFeatures, ...profile.core]);
  const supported = profile.extended.filter((f) => supportedSet.has(f)).sort();
  const unsupported = profile.extended.filter((f) => !supportedSet.has(f)).sort();
  const extended = {
    ...status(extendedTests),
    ...(supported.length > 0 ? { supportedFeatures: supported } : {}),
    ...(unsupported.length > 0 ? { unsupportedFeatures: unsupported } : {}),
  };
  return { name: profile.name, summary: `${sentence('Core', core)} ${sentence('Extended', extended)}`, core, extended };
}
