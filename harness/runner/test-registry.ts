import { HarnessError } from '../errors.ts';
import type { ConformanceTest } from './conformance-test.ts';

/**
 * Checks the explicit list of tests once at load: names are the report keys, so a duplicate
 * would silently merge two tests' results.
 */
export function defineTestList(tests: readonly ConformanceTest[]): readonly ConformanceTest[] {
  const seen = new Set<string>();
  for (const test of tests) {
    if (seen.has(test.name)) {
      throw new HarnessError('GRPCCONF_DUPLICATE_TEST', `two conformance tests are named "${test.name}"; names must be unique`);
    }
    seen.add(test.name);
  }
  return Object.freeze([...tests]);
}
