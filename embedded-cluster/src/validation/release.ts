/**
 * Which Gateway API release's CRD rules apply. Releases change a few rules (v1.7.0 moved the
 * rule-name uniqueness CEL rule of GRPCRoute and HTTPRoute to the standard channel and reworded
 * GatewayClass controllerName immutability); everything else is shared.
 */
export const DEFAULT_BUNDLE_VERSION = 'v1.6.1';

/** `v1.7.0` → [1, 7, 0]; undefined for a bundle version without a version number (e.g. `UNDEFINED`). */
function parse(version: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-[\w.]+)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/**
 * Whether `bundleVersion` is `since` or later. A bundle version that is not a release reads as the
 * newest rules, the way a development build of upstream's CRDs carries them.
 */
export function releaseAtLeast(bundleVersion: string, since: string): boolean {
  const have = parse(bundleVersion);
  const want = parse(since)!;
  if (!have) return true;
  for (let i = 0; i < 3; i += 1) if (have[i] !== want[i]) return have[i]! > want[i]!;
  return true;
}
