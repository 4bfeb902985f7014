import { UPSTREAM_RELEASES, type UpstreamRelease } from './upstream-releases.ts';

/** The newest GA release: real clusters and the embedded one get its CRDs by default (REAL_CLUSTER_DEFAULTS; a test keeps them equal). */
export const DEFAULT_GATEWAY_API_VERSION = 'v1.7.0';

/**
 * Our tests that carry the name of an upstream test, with the first release that has it. Facts
 * (test/upstream/upstream-catalogue.test.ts checks them against the modules).
 */
export const UPSTREAM_SINCE: Readonly<Record<string, string>> = {
  BackendTLSPolicyGRPCRoute: 'v1.7.0',
  GRPCRouteMultipleGateways: 'v1.7.0',
  GRPCRouteMultipleRoutesAttachmentSameHostnameIntersection: 'v1.7.0',
  GRPCRouteRequestHeaderModifier: 'v1.7.0',
  GatewayInfrastructureMetadata: 'v1.7.0',
  GatewayNameMaximumLength: 'v1.7.0',
  GatewayPreserveForeignConditions: 'v1.7.0',
};

/**
 * Our tests that carry the name of an upstream test a later release no longer has, with the first
 * release without it (exclusive: the test exists below it). Upstream renamed GatewayInfrastructure
 * to GatewayInfrastructureMetadata in v1.7.0. Facts, checked like UPSTREAM_SINCE.
 */
export const UPSTREAM_UNTIL: Readonly<Record<string, string>> = {
  GatewayInfrastructure: 'v1.7.0',
};

/** `v1.6.1` → [1, 6, 1]; undefined for anything that is not a release version. */
export function parseRelease(version: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-[\w.]+)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/**
 * The release a run is judged against: the installed CRDs' bundle version, or the default
 * release when the CRDs carry none. A line we hold no facts for falls back to the newest older
 * line (upstream's profiles only ever grew), else the oldest one.
 */
export function effectiveVersion(version: string): string {
  return parseRelease(version) ? version : DEFAULT_GATEWAY_API_VERSION;
}

export function upstreamRelease(version: string): UpstreamRelease {
  const wanted = parseRelease(effectiveVersion(version))!;
  const lines = [...UPSTREAM_RELEASES].sort((a, b) => compare(parseRelease(a.line)!, parseRelease(b.line)!));
  const exact = lines.find((r) => parseRelease(r.line)!.slice(0, 2).join('.') === wanted.slice(0, 2).join('.'));
  return exact ?? [...lines].reverse().find((r) => compare(parseRelease(r.line)!, wanted) <= 0) ?? lines[0]!;
}

/** The window a release name lives in: from `since` (inclusive, default always) to `until` (exclusive, default never). */
function inWindow(version: string, since: string | undefined, until: string | undefined): boolean {
  const v = parseRelease(effectiveVersion(version))!;
  return (!since || compare(parseRelease(since)!, v) <= 0) && (!until || compare(v, parseRelease(until)!) < 0);
}

/**
 * A feature with a first release (FeatureInfo.since) is absent from reports of earlier releases;
 * one with a last (FeatureInfo.until, exclusive) from reports of that release and later ones.
 */
export function featureExistsInRelease(feature: { readonly since?: string; readonly until?: string }, version: string): boolean {
  return inWindow(version, feature.since, feature.until);
}

/**
 * Tests that carry an upstream name first released later than `version`, or dropped by upstream at
 * or before it, do not exist for that release: they are neither run nor reported (issue 13 point 5).
 */
export function existsInRelease(testName: string, version: string): boolean {
  return inWindow(version, UPSTREAM_SINCE[testName], UPSTREAM_UNTIL[testName]);
}
