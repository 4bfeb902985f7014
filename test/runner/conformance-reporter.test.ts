import type { TestCase } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { assembleRunResult } from '../../harness/runner/assemble-run-result.ts';
import { ConformanceReporter } from '../../harness/runner/conformance-reporter.ts';
import { defineConformanceTest } from '../../harness/runner/conformance-test.ts';
import type { TestResult } from '../../harness/runner/results.ts';
import { FAKE_FACTS, fakeConfig } from './fake-deps.ts';

const body = async () => {};
const tests = ['Recorded', 'Crashed', 'PassedWithoutRecord', 'Untouched'].map((name) =>
  defineConformanceTest({ name, description: name, features: ['Gateway', 'GRPCRoute'], manifests: [], specRefs: [], run: body }),
);

// A narrow stand-in for Vitest's TestCase: only what the reporter reads.
function testCase(name: string, state: 'passed' | 'failed', meta: TestResult | undefined): TestCase {
  return {
    name,
    meta: () => (meta ? { conformance: meta } : {}),
    result: () => (state === 'failed' ? { state, errors: [{ message: 'worker exited' }] } : { state, errors: undefined }),
    diagnostic: () => ({ duration: 12.4 }),
  } as unknown as TestCase;
}

describe('ConformanceReporter + assembleRunResult', () => {
  it('takes recorded results, never trusts an unrecorded pass, and lists tests that never ran', () => {
    const recorded: TestResult = {
      name: 'Recorded',
      description: 'Recorded',
      features: ['Gateway', 'GRPCRoute'],
      level: 'core',
      provisional: false,
      specRefs: [],
      outcome: 'passed',
      durationMs: 5,
      cases: [{ name: 'c', outcome: 'passed', durationMs: 1 }],
    };
    const reporter = new ConformanceReporter(tests);
    reporter.onTestCaseResult(testCase('Recorded', 'passed', recorded));
    reporter.onTestCaseResult(testCase('Crashed', 'failed', undefined));
    reporter.onTestCaseResult(testCase('PassedWithoutRecord', 'passed', undefined));
    reporter.onTestCaseResult(testCase('no conformance tests registered', 'passed', undefined));

    const run = assembleRunResult({
      tests,
      recorded: reporter.recorded,
      config: fakeConfig({ mode: 'm' }),
      facts: FAKE_FACTS,
      startedAt: new Date('2026-01-01T00:00:00Z'),
      finishedAt: new Date('2026-01-01T00:00:01Z'),
      notRunReason: 'not run: interrupted by SIGINT',
    });
    expect(run.tests.map((t) => [t.name, t.outcome])).toEqual([
      ['Recorded', 'passed'],
      ['Crashed', 'failed'],
      ['PassedWithoutRecord', 'failed'],
      ['Untouched', 'skipped'],
    ]);
    expect(run.tests[0]).toBe(recorded);
    expect(run.tests[1]).toMatchObject({ error: 'worker exited', durationMs: 12 });
    expect(run.tests[3]).toMatchObject({ reason: 'not run: interrupted by SIGINT' });
    expect(run).toMatchObject({ mode: 'm', gatewayClass: 'grpcroute-reference', featureSource: 'inferred', gatewayAPIChannel: 'standard' });
  });
});
