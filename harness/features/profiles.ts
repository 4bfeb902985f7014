import { FEATURES } from './features.ts';
import { DEFAULT_GATEWAY_API_VERSION, featureExistsInRelease, upstreamRelease } from './release.ts';

export interface ConformanceProfile {
  readonly name: string;
  readonly core: readonly string[];
  readonly extended: readonly string[];
  /** Whether the profile counts this test at all (upstream: by test; ours: everything else). */
  holds(testName: string): boolean;
}

export const GATEWAY_GRPC_NAME = 'GATEWAY-GRPC';
/** Ours; the name says so, so nobody reads its numbers as upstream's. */
export const EXTRA_PROFILE_NAME = 'GRPCROUTE-CONFORMANCE-EXTRA';

/**
 * Upstream's GATEWAY-GRPC of the given release: its core and extended features, and exactly the
 * upstream tests it holds under their upstream names. None of our own tests count toward it,
 * so its numbers can be set beside an upstream report of the same release.
 */
export function gatewayGrpcProfile(version: string): ConformanceProfile {
  const release = upstreamRelease(version);
  const tests = new Set(release.gatewayGrpc.tests.map((t) => t.name));
  return { name: GATEWAY_GRPC_NAME, core: release.gatewayGrpc.core, extended: release.gatewayGrpc.extended, holds: (name) => tests.has(name) };
}

/** Ours: every test GATEWAY-GRPC does not hold, with our feature levels deciding core or extended. */
export function extraProfile(version: string): ConformanceProfile {
  const upstream = gatewayGrpcProfile(version);
  const features = FEATURES.filter((f) => featureExistsInRelease(f, version));
  return {
    name: EXTRA_PROFILE_NAME,
    core: features.filter((f) => f.level === 'core').map((f) => f.name),
    extended: features.filter((f) => f.level !== 'core').map((f) => f.name),
    holds: (name) => !upstream.holds(name),
  };
}

export function profilesFor(version: string): readonly ConformanceProfile[] {
  return [gatewayGrpcProfile(version), extraProfile(version)];
}

export const PROFILE_NAMES: readonly string[] = [GATEWAY_GRPC_NAME, EXTRA_PROFILE_NAME];

/** For core features only, which every release line shares; reports use profilesFor(version). */
export const PROFILES: readonly ConformanceProfile[] = profilesFor(DEFAULT_GATEWAY_API_VERSION);
