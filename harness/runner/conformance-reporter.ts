import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import type { ConformanceTest } from './conformance-test.ts';
import type { TestResult } from './results.ts';
import { testLevel } from './test-level.ts';
import './provided-context.ts';

function fallback(test: ConformanceTest, patch: Pick<TestResult, 'outcome'> & Partial<TestResult>): TestResult {
  return {
    name: test.name,
    description: test.description,
    features: [...test.features],
    level: testLevel(test.features),
    provisional: test.provisional ?? false,
    specRefs: [...test.specRefs],
    durationMs: 0,
    cases: [],
    ...patch,
  };
}

/**
 * The result of one finished Vitest test case: the adapter's recorded TestResult when present.
 * Without one (the worker died mid-test) the Vitest state decides, and "passed" without a
 * record is never trusted.
 */
export function resultFromTestCase(testCase: TestCase, test: ConformanceTest): TestResult {
  const recorded = testCase.meta().conformance;
  if (recorded) return recorded;
  const result = testCase.result();
  const durationMs = Math.round(testCase.diagnostic()?.duration ?? 0);
  if (result.state === 'failed') {
    const error = result.errors.map((e) => e.message).join('; ') || 'failed without a message';
    return fallback(test, { outcome: 'failed', error, durationMs });
  }
  if (result.state === 'skipped') return fallback(test, { outcome: 'skipped', reason: result.note ?? 'skipped by the runner' });
  return fallback(test, { outcome: 'failed', error: 'the test finished without recording a conformance result', durationMs });
}

/** Collects TestResults from task meta in the main process; the RunResult is built from them. */
export class ConformanceReporter implements Reporter {
  readonly recorded = new Map<string, TestResult>();
  /** Errors outside any test (a suite file that failed to load, an unhandled rejection). */
  readonly runErrors: string[] = [];
  readonly #byName: ReadonlyMap<string, ConformanceTest>;

  constructor(tests: readonly ConformanceTest[]) {
    this.#byName = new Map(tests.map((t) => [t.name, t]));
  }

  /** Tests whose result came from Vitest's state because the adapter recorded none. */
  readonly unrecorded = new Set<string>();

  onTestCaseResult(testCase: TestCase): void {
    const test = this.#byName.get(testCase.name);
    if (!test) return;
    this.recorded.set(test.name, resultFromTestCase(testCase, test));
    if (!testCase.meta().conformance) this.unrecorded.add(test.name);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    for (const module of modules) {
      for (const error of module.errors()) this.runErrors.push(`${module.relativeModuleId}: ${error.message}`);
    }
    for (const error of unhandledErrors) this.runErrors.push(`unhandled error: ${error.message}`);
  }
}
