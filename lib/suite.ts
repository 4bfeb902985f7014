import type { ConformanceSuite } from '../harness/api/run-conformance.ts';
import { CONFORMANCE_TESTS } from '../suites/index.ts';

/** The composition root: the harness, given our tests. */
export const BUILTIN_SUITE: ConformanceSuite = { builtinTests: CONFORMANCE_TESTS };
