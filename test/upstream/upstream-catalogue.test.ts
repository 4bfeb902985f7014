import { describe, expect, it } from 'vitest';
import { REAL_CLUSTER_DEFAULTS } from '../../harness/cluster/kind/real-cluster-settings.ts';
import { isKnownFeatureName } from '../../harness/features/features.ts';
import { DEFAULT_GATEWAY_API_VERSION, existsInRelease, featureExistsInRelease, UPSTREAM_SINCE, UPSTREAM_UNTIL } from '../../harness/features/release.ts';
import { gatewayGrpcProfile } from '../../harness/features/profiles.ts';
import { UPSTREAM_RELEASES } from '../../harness/features/upstream-releases.ts';
import { testInRelease } from '../../harness/runner/test-in-release.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';
import { readUpstreamModule, type UpstreamModuleFacts } from './upstream-module.ts';

// Upstream GATEWAY-GRPC tests we do not implement yet, per line (docs/reports.md says so too): none.
// A test missing here would be absent from our reports, the profile's counts short by exactly it.
const NOT_YET_IMPLEMENTED: Readonly<Record<string, readonly string[]>> = {
  'v1.6': [],
  'v1.7': [],
};

// Read once per release; `go` fetches the module through the ordinary proxy when it is not cached.
const modules = new Map<string, UpstreamModuleFacts | undefined>();
const moduleOf = (version: string) => {
  if (!modules.has(version)) modules.set(version, readUpstreamModule(version));
  return modules.get(version);
};

describe.each(UPSTREAM_RELEASES.map((r) => [r.line, r] as const))('upstream %s, read from the real module', (line, release) => {
  it.skipIf(moduleOf(release.readFrom) === undefined)(`feature names equal AllFeatures of ${release.readFrom}`, () => {
    expect([...release.features].sort()).toEqual(moduleOf(release.readFrom)!.allFeatures);
  });

  it.skipIf(moduleOf(release.readFrom) === undefined)('GATEWAY-GRPC features and tests equal upstream profiles.go and conformance/tests', () => {
    const upstream = moduleOf(release.readFrom)!;
    expect([...release.gatewayGrpc.core].sort()).toEqual(upstream.gatewayGrpcCore);
    expect([...release.gatewayGrpc.extended].sort()).toEqual(upstream.gatewayGrpcExtended);
    expect(release.gatewayGrpc.tests.map((t) => ({ name: t.name, features: t.features, provisional: t.provisional ?? false }))).toEqual(
      upstream.gatewayGrpcTests,
    );
  });

  it.skipIf(moduleOf(release.readFrom) === undefined)('our report holds exactly upstream GATEWAY-GRPC tests, under their names, with their features', () => {
    const upstream = moduleOf(release.readFrom)!;
    const ours = CONFORMANCE_TESTS.filter((t) => existsInRelease(t.name, release.readFrom)).map((t) => testInRelease(t, release.readFrom));
    const profile = gatewayGrpcProfile(release.readFrom);
    const counted = ours.filter((t) => profile.holds(t.name));
    const wanted = new Map(upstream.gatewayGrpcTests.map((t) => [t.name, t]));
    for (const test of counted) {
      expect([...test.features].sort(), test.name).toEqual([...wanted.get(test.name)!.features].sort());
      expect(test.provisional ?? false, test.name).toBe(wanted.get(test.name)!.provisional);
    }
    const missing = [...wanted.keys()].filter((name) => !counted.some((t) => t.name === name));
    expect(missing.sort()).toEqual(NOT_YET_IMPLEMENTED[line]);
  });

  it.skipIf(moduleOf(release.readFrom) === undefined)('a test named like an upstream test exists only from the release that has it', () => {
    const upstreamNames = new Set(moduleOf(release.readFrom)!.testNames);
    for (const test of CONFORMANCE_TESTS) {
      const since = UPSTREAM_SINCE[test.name] ?? UPSTREAM_UNTIL[test.name];
      if (since) expect(existsInRelease(test.name, release.readFrom), test.name).toBe(upstreamNames.has(test.name));
      else if (!upstreamNames.has(test.name)) expect(gatewayGrpcProfile(release.readFrom).holds(test.name), test.name).toBe(false);
    }
  });
});

describe('feature names and defaults', () => {
  it('every upstream name of every line is accepted, ours too', () => {
    for (const release of UPSTREAM_RELEASES) for (const name of release.features) expect(isKnownFeatureName(name), name).toBe(true);
    expect(isKnownFeatureName('GRPCRouteMethodRegexMatch')).toBe(true);
    expect(isKnownFeatureName('ListenerSett')).toBe(false);
  });

  it('a feature first released upstream after the oldest line says so (since), and that is the first line that has it', async () => {
    const { FEATURES } = await import('../../harness/features/features.ts');
    for (const feature of FEATURES.filter((f) => f.since)) {
      const first = UPSTREAM_RELEASES.find((r) => r.features.includes(feature.name));
      expect(first?.readFrom, feature.name).toBe(feature.since);
    }
    // A feature upstream dropped says so (until): the first line after one that has it, that has it no more.
    for (const feature of FEATURES.filter((f) => f.until)) {
      const had = UPSTREAM_RELEASES.findIndex((r) => r.features.includes(feature.name));
      const dropped = UPSTREAM_RELEASES.slice(had + 1).find((r) => !r.features.includes(feature.name));
      expect(had >= 0 ? dropped?.readFrom : undefined, feature.name).toBe(feature.until);
    }
    // Upstream names missing from a line must say when they start or end; the one exception is a name our own
    // tests used before upstream released it (GRPCRoutePartiallyInvalid and a seed test at v1.6).
    const usedBeforeUpstream = new Set(['GRPCRouteRequestHeaderModifier']);
    for (const release of UPSTREAM_RELEASES) {
      const absent = FEATURES.filter((f) => f.origin === 'upstream' && !release.features.includes(f.name) && !usedBeforeUpstream.has(f.name));
      for (const feature of absent) expect((feature.since ?? feature.until) !== undefined && !featureExistsInRelease(feature, release.readFrom), `${feature.name} at ${release.line}`).toBe(true);
    }
    const extraAt = async (version: string) => (await import('../../harness/features/profiles.ts')).extraProfile(version).extended;
    expect(await extraAt('v1.6.1')).not.toContain('GatewayRouteHostnameIntersectionPrecedence');
    expect(await extraAt('v1.7.0')).toContain('GatewayRouteHostnameIntersectionPrecedence');
  });

  it('the default release is the one real clusters install', () => {
    expect(DEFAULT_GATEWAY_API_VERSION).toBe(REAL_CLUSTER_DEFAULTS.gatewayApiVersion);
  });
});

describe('feature names on the command line', () => {
  it('an upstream name our tests never use is accepted; a name of neither is refused with a did-you-mean', async () => {
    const { parseFeatureList } = await import('../../harness/cli/value-parsers.ts');
    expect(parseFeatureList('ListenerSet,HTTPRouteCORS,GRPCRoute')).toEqual(['ListenerSet', 'HTTPRouteCORS', 'GRPCRoute']);
    expect(() => parseFeatureList('ListenerSett')).toThrow(/unknown feature "ListenerSett" \(did you mean ListenerSet\?\)/);
  });
});

describe('list --json per release', () => {
  it('v1.6.1 leaves out tests upstream added in v1.7 and puts upstream GATEWAY-GRPC tests in that profile', async () => {
    const { listTestsInReleases } = await import('../../harness/cli/list-command.ts');
    const v16 = listTestsInReleases(CONFORMANCE_TESTS, 'v1.6.1');
    const names = v16.map((t) => t.name);
    expect(names).not.toContain('GRPCRouteRequestHeaderModifier');
    expect(names).not.toContain('BackendTLSPolicyGRPCRoute');
    expect(v16.find((t) => t.name === 'GatewayObservedGenerationBump')?.profiles).toEqual({ 'v1.6': 'GATEWAY-GRPC' });
    expect(v16.find((t) => t.name === 'GRPCRouteStreaming')?.profiles).toEqual({ 'v1.6': 'GRPCROUTE-CONFORMANCE-EXTRA' });
    const all = listTestsInReleases(CONFORMANCE_TESTS);
    expect(all.find((t) => t.name === 'BackendTLSPolicyGRPCRoute')).toMatchObject({ upstreamSince: 'v1.7.0', profiles: { 'v1.7': 'GATEWAY-GRPC' } });
  });
});
