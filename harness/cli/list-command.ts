import { existsInRelease, UPSTREAM_SINCE } from '../features/release.ts';
import { profilesFor } from '../features/profiles.ts';
import { UPSTREAM_RELEASES } from '../features/upstream-releases.ts';
import type { ConformanceTest } from '../runner/conformance-test.ts';
import { testLevel } from '../runner/test-level.ts';

/** The shape of one entry of `list --json`. */
export interface ListedTest {
  readonly name: string;
  readonly description: string;
  readonly features: readonly string[];
  readonly level: string;
  readonly provisional: boolean;
  readonly specRefs: readonly number[];
}

/** `list --json` adds where each test is reported, per release line. */
export interface ListedTestInReleases extends ListedTest {
  /** First upstream release that has a test of this name; absent for our own tests. */
  readonly upstreamSince?: string;
  /** Release line → the report profile that counts the test there (lines it does not exist in are absent). */
  readonly profiles: Readonly<Record<string, string>>;
}

function profilesOf(name: string, lines: readonly string[]): Record<string, string> {
  const entries = lines.filter((line) => existsInRelease(name, `${line}.0`)).map((line) => [line, profilesFor(`${line}.0`).find((p) => p.holds(name))!.name]);
  return Object.fromEntries(entries);
}

export function listTests(tests: readonly ConformanceTest[]): ListedTest[] {
  return tests.map((t) => ({
    name: t.name,
    description: t.description,
    features: [...t.features],
    level: testLevel(t.features),
    provisional: t.provisional ?? false,
    specRefs: [...t.specRefs],
  }));
}

/** With a release, only the tests that exist in it, and only its line in `profiles`. */
export function listTestsInReleases(all: readonly ConformanceTest[], gatewayApiVersion?: string): ListedTestInReleases[] {
  const tests = gatewayApiVersion ? all.filter((t) => existsInRelease(t.name, gatewayApiVersion)) : all;
  const lines = gatewayApiVersion ? [gatewayApiVersion.split('.').slice(0, 2).join('.')] : UPSTREAM_RELEASES.map((r) => r.line);
  return listTests(tests).map((t) => ({
    ...t,
    ...(UPSTREAM_SINCE[t.name] ? { upstreamSince: UPSTREAM_SINCE[t.name] } : {}),
    profiles: profilesOf(t.name, lines),
  }));
}

/** `list`: JSON array, or one aligned line per test for people. */
export function renderList(tests: readonly ConformanceTest[], json: boolean, gatewayApiVersion?: string): string {
  const listed = listTestsInReleases(tests, gatewayApiVersion);
  if (json) return `${JSON.stringify(listed, null, 2)}\n`;
  if (listed.length === 0) return 'no conformance tests registered\n';
  const width = Math.max(...listed.map((t) => t.name.length));
  return listed
    .map((t) => `${t.name.padEnd(width)}  ${t.level.padEnd(23)}  ${t.features.join(',')}${t.provisional ? '  (provisional)' : ''}\n`)
    .join('');
}
