import { ConfigError } from '../errors.ts';
import { existsInRelease, parseRelease, UPSTREAM_SINCE, UPSTREAM_UNTIL } from '../features/release.ts';
import { testInRelease } from '../runner/test-in-release.ts';
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
  /** First upstream release without a test of this name (upstream renamed it); absent while upstream keeps it. */
  readonly upstreamUntil?: string;
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

/** `v1.7.0` → `v1.7`, the key of `profiles`. */
function lineOf(version: string): string {
  const [major, minor] = parseRelease(version)!;
  return `v${major}.${minor}`;
}

/** With a release, only the tests that exist in it, and only its line in `profiles`. */
export function listTestsInReleases(all: readonly ConformanceTest[], gatewayApiVersion?: string): ListedTestInReleases[] {
  if (gatewayApiVersion !== undefined && !parseRelease(gatewayApiVersion)) {
    throw new ConfigError(`--gateway-api-version: expected a release such as v1.7.0, got "${gatewayApiVersion}"`);
  }
  const tests = gatewayApiVersion ? all.filter((t) => existsInRelease(t.name, gatewayApiVersion)).map((t) => testInRelease(t, gatewayApiVersion)) : all;
  const lines = gatewayApiVersion ? [lineOf(gatewayApiVersion)] : UPSTREAM_RELEASES.map((r) => r.line);
  return listTests(tests).map((t) => ({
    ...t,
    ...(UPSTREAM_SINCE[t.name] ? { upstreamSince: UPSTREAM_SINCE[t.name] } : {}),
    ...(UPSTREAM_UNTIL[t.name] ? { upstreamUntil: UPSTREAM_UNTIL[t.name] } : {}),
    profiles: gatewayApiVersion ? { [lines[0]!]: profileIn(t.name, gatewayApiVersion) } : profilesOf(t.name, lines),
  }));
}

function profileIn(name: string, version: string): string {
  return profilesFor(version).find((p) => p.holds(name))!.name;
}

/** `GATEWAY-GRPC` for one release; `v1.6: …, v1.7: …` across every line we hold facts for. */
function profileColumn(profiles: Readonly<Record<string, string>>, oneRelease: boolean): string {
  const entries = Object.entries(profiles);
  return oneRelease ? (entries[0]?.[1] ?? '') : entries.map(([line, profile]) => `${line}:${profile}`).join(' ');
}

/**
 * `list`: JSON array, or one aligned line per test for people (name, level, report profile, first
 * upstream release or the release upstream dropped it in, features).
 */
export function renderList(tests: readonly ConformanceTest[], json: boolean, gatewayApiVersion?: string): string {
  const listed = listTestsInReleases(tests, gatewayApiVersion);
  if (json) return `${JSON.stringify(listed, null, 2)}\n`;
  if (listed.length === 0) return 'no conformance tests registered\n';
  const oneRelease = gatewayApiVersion !== undefined;
  const header = oneRelease ? `Gateway API ${gatewayApiVersion}: ${listed.length} tests\n` : '';
  const profiles = listed.map((t) => profileColumn(t.profiles, oneRelease));
  const width = Math.max(...listed.map((t) => t.name.length));
  const profileWidth = Math.max(...profiles.map((p) => p.length));
  return (
    header +
    listed
      .map(
        (t, i) =>
          `${t.name.padEnd(width)}  ${t.level.padEnd(23)}  ${profiles[i]!.padEnd(profileWidth)}  ${(t.upstreamSince ? `since ${t.upstreamSince}` : t.upstreamUntil ? `until ${t.upstreamUntil}` : '').padEnd(12)}  ${t.features.join(',')}${t.provisional ? '  (provisional)' : ''}\n`,
      )
      .join('')
  );
}
