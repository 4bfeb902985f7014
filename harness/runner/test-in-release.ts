import { effectiveVersion, parseRelease } from '../features/release.ts';
import type { ConformanceTest } from './conformance-test.ts';

function atLeast(version: string, since: string): boolean {
  const [a, b] = [parseRelease(effectiveVersion(version))!, parseRelease(since)!];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

/**
 * The test as the release `version` defines it: upstream sometimes gates a test on another feature
 * in a later release (GatewayInvalidParametersRef needs GatewayInfrastructure from v1.7.0), and the
 * newest `featuresFrom` entry the release has reached replaces `features`. A test upstream
 * promoted (`provisionalBefore`) is provisional in the releases before that.
 */
export function testInRelease(test: ConformanceTest, version: string): ConformanceTest {
  const reached = (test.featuresFrom ?? []).filter((entry) => atLeast(version, entry.since));
  const newest = reached.sort((x, y) => (atLeast(x.since, y.since) ? -1 : 1))[0];
  const provisional = test.provisionalBefore !== undefined && !atLeast(version, test.provisionalBefore);
  if (!newest && !provisional) return test;
  return { ...test, ...(newest ? { features: newest.features } : {}), ...(provisional ? { provisional: true } : {}) };
}
