import { inject, test } from 'vitest';
import { HarnessError } from '../errors.ts';
import { existsInRelease } from '../features/release.ts';
import type { ConformanceTest } from './conformance-test.ts';
import { executeTest } from './execute-test.ts';
import { decideGate } from './gating.ts';
import { Slots } from './slots.ts';
import { testInRelease } from './test-in-release.ts';
import type { TestDeps } from './test-deps.ts';
import './provided-context.ts';

/**
 * Only a backstop: the test's own deadline (timeouts.test, moved out for each wait it starts) ends
 * a test. Room for a test whose waits keep the deadline moving, plus diagnostics and cleanup.
 */
const DEADLINE_EXTENSION_ALLOWANCE = 4;
function vitestTimeout(timeouts: { test: number; delete: number; create: number }): number {
  return DEADLINE_EXTENSION_ALLOWANCE * timeouts.test + timeouts.create + 2 * timeouts.delete;
}

/**
 * Registers every conformance test as one `test.concurrent`, at most `config.concurrency` running at
 * once. The harness, not the body, decides gating; the TestResult goes into task meta for the
 * reporter in the main process.
 */
export function registerConformanceTests(allTests: readonly ConformanceTest[], deps: TestDeps): void {
  const provided = inject('conformance');
  // Before the installed release has an upstream test of that name, that test does not exist.
  const version = provided?.facts.gatewayAPIVersion;
  const tests = version ? allTests.filter((t) => existsInRelease(t.name, version)).map((t) => testInRelease(t, version)) : allTests;
  if (tests.length === 0) {
    // Vitest treats a file without tests as an error; an empty registry is a valid (empty) run.
    test.skip('no conformance tests registered', () => {});
    return;
  }
  if (!provided) {
    throw new HarnessError(
      'GRPCCONF_NOT_PREPARED',
      'no run facts were provided; run through `grpcroute-conformance` or `npx vitest --config vitest.conformance.config.ts`',
    );
  }
  let failedFast: string | undefined;
  // The deadline starts inside the slot: a test waiting for its turn is not running out of time.
  const slots = new Slots(provided.config.concurrency);
  for (const conformanceTest of tests) {
    test.concurrent(
      conformanceTest.name,
      (ctx) => slots.run(async () => {
        const { config, facts } = provided;
        const gate = decideGate(conformanceTest, {
          config,
          supportedFeatures: facts.supportedFeatures,
          ...(failedFast ? { failedFast } : {}),
        });
        const result = await executeTest(conformanceTest, {
          config,
          facts,
          deps,
          gate,
          runSignal: ctx.signal,
          logSink: (line) => console.log(line),
        });
        ctx.task.meta.conformance = result;
        if (result.outcome === 'failed' && config.failFast) failedFast ??= conformanceTest.name;
        if (result.outcome === 'failed') throw new Error(result.error ?? `${conformanceTest.name} failed`);
        if (result.outcome !== 'passed') ctx.skip(result.reason);
      }),
      // Vitest's clock runs while a test waits for a slot: allow for every round of tests ahead of it.
      vitestTimeout(provided.config.timeouts) * Math.ceil(tests.length / provided.config.concurrency),
    );
  }
}
