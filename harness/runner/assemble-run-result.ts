import type { ResolvedConfig } from '../config/types.ts';
import { existsInRelease } from '../features/release.ts';
import { testInRelease } from './test-in-release.ts';
import type { RunFacts } from '../run/facts.ts';
import type { ConformanceTest } from './conformance-test.ts';
import type { RunResult, TestResult } from './results.ts';
import { testLevel } from './test-level.ts';

export interface AssembleInput {
  /** The registry, in order: every test appears in the result, ran or not. */
  readonly tests: readonly ConformanceTest[];
  readonly recorded: ReadonlyMap<string, TestResult>;
  readonly config: ResolvedConfig;
  readonly facts: Pick<RunFacts, 'gatewayAPIVersion' | 'gatewayAPIChannel' | 'supportedFeatures' | 'featureSource'>;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** Why tests without a recorded result did not run (interrupted, suite failed to load, …). */
  readonly notRunReason: string;
}

function notRun(test: ConformanceTest, reason: string): TestResult {
  return {
    name: test.name,
    description: test.description,
    features: [...test.features],
    level: testLevel(test.features),
    provisional: test.provisional ?? false,
    specRefs: [...test.specRefs],
    outcome: 'skipped',
    reason,
    durationMs: 0,
    cases: [],
  };
}

/** Builds the one RunResult every reporter renders; a test that never reported is skipped, never passed. */
export function assembleRunResult(input: AssembleInput): RunResult {
  const { config, facts } = input;
  return {
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    gatewayClass: config.gatewayClass,
    cluster: config.cluster,
    mode: config.mode,
    gatewayAPIVersion: facts.gatewayAPIVersion,
    gatewayAPIChannel: facts.gatewayAPIChannel,
    supportedFeatures: [...facts.supportedFeatures],
    featureSource: facts.featureSource,
    ...(config.implementation
      ? { implementation: { ...config.implementation, contact: [...config.implementation.contact] } }
      : {}),
    // A test upstream added in a later release does not exist for this one: not even as skipped.
    tests: input.tests
      .filter((t) => existsInRelease(t.name, facts.gatewayAPIVersion))
      .map((t) => input.recorded.get(t.name) ?? notRun(testInRelease(t, facts.gatewayAPIVersion), input.notRunReason)),
  };
}
