// The package's main export: run the suite from a vendor's own test file (docs/library.md).
import { runConformanceWith, type ConformanceOutcome, type RunConformanceOptions } from '../harness/api/run-conformance.ts';
import { BUILTIN_SUITE } from './suite.ts';

export { CONFORMANCE_TESTS } from '../suites/index.ts';
export { defineConformanceTest, type ConformanceTest } from '../harness/runner/conformance-test.ts';
export type { TestContext } from '../harness/runner/context.ts';
export type { RunResult, TestResult } from '../harness/runner/results.ts';
export type { ResolvedConfig } from '../harness/config/types.ts';
export { Feature, type FeatureName } from '../harness/features/features.ts';
export type { GrpcCase } from '../harness/grpc/types.ts';
export type { KubeObject } from '../harness/kube/types.ts';
export type { ConformanceOptions, ConformanceOutcome, RunConformanceOptions } from '../harness/api/run-conformance.ts';
export { HarnessError, ConfigError } from '../harness/errors.ts';
export { listTests, type ListedTest } from '../harness/cli/list-command.ts';
export { SUITE_VERSION, SUPPORTED_GATEWAY_API_RELEASES, ECHO_IMAGE } from '../harness/version.ts';

/**
 * One whole conformance run (cluster set-up, tests, cleanup, reports), as `npx grpcroute-conformance`
 * does it. Resolves with the result model and exit code; rejects with a ConfigError for bad input.
 */
export function runConformance(options: RunConformanceOptions = {}): Promise<ConformanceOutcome> {
  return runConformanceWith(BUILTIN_SUITE, options);
}
