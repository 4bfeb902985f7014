import { defineTestList } from '../harness/runner/test-registry.ts';

/** Every conformance test, explicitly listed; order is the order of registration and of reports. */
export const CONFORMANCE_TESTS = defineTestList([]);
