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
  GatewayNameMaximumLength: 'v1.7.0',
  GatewayPreserveForeignConditions: 'v1.7.0',
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

/** A feature with a first release (FeatureInfo.since) is absent from reports of earlier releases. */
export function featureExistsInRelease(feature: { readonly since?: string }, version: string): boolean {
  return !feature.since || compare(parseRelease(feature.since)!, parseRelease(effectiveVersion(version))!) <= 0;
}

/**
 * Tests that carry an upstream name first released later than `version` do not exist for that
 * release: they are neither run nor reported (issue 13 point 5).
 */
export function existsInRelease(testName: string, version: string): boolean {
  const upstreamSince = UPSTREAM_SINCE[testName];
  if (!upstreamSince) return true;
  return compare(parseRelease(upstreamSince)!, parseRelease(effectiveVersion(version))!) <= 0;
}
