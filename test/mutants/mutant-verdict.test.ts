import { describe, expect, test } from 'vitest';
import type { TestResult } from '../../harness/runner/results.ts';
import { describeFailure, isKilled, judgeClean, judgeMutant, slowestConvergenceMs } from '../../scripts/mutants/mutant-verdict.ts';

function result(name: string, outcome: TestResult['outcome'], failedCases: string[] = []): TestResult {
  return {
    name,
    description: '',
    features: [],
    level: 'core',
    provisional: false,
    specRefs: [],
    outcome,
    durationMs: 1,
    cases: failedCases.map((c) => ({ name: c, outcome: 'failed' as const, durationMs: 1 })),
  };
}

const mapped = { fault: 'ignore-weights', expectedTests: ['GRPCRouteWeight'] };

describe('judgeMutant', () => {
  test('a mapped mutant is killed only by an expected test', () => {
    const verdict = judgeMutant(mapped, { exitCode: 1, stderr: '', results: { tests: [result('GRPCRouteWeight', 'failed')] } });
    expect(verdict).toEqual({ kind: 'killed', by: ['GRPCRouteWeight'] });
    expect(isKilled(verdict)).toBe(true);
  });

  test('a failure of another test does not kill a mapped mutant', () => {
    const verdict = judgeMutant(mapped, {
      exitCode: 1,
      stderr: '',
      results: { tests: [result('GRPCRouteWeight', 'passed'), result('GRPCRouteHeaderMatching', 'failed')] },
    });
    expect(verdict.kind).toBe('survived');
    expect(isKilled(verdict)).toBe(false);
    expect(verdict.kind === 'survived' && verdict.detail).toContain('only unexpected tests failed (GRPCRouteHeaderMatching)');
  });

  test('an expected test that was skipped leaves the mutant alive, and says why', () => {
    const skipped = { ...result('GRPCRouteWeight', 'notSupported'), reason: 'feature missing' };
    const verdict = judgeMutant(mapped, { exitCode: 0, stderr: '', results: { tests: [skipped] } });
    expect(verdict).toEqual({ kind: 'survived', detail: 'GRPCRouteWeight notSupported (feature missing)' });
  });

  test('an unmapped mutant is killed by any failure, and marked unmapped', () => {
    const verdict = judgeMutant({ fault: 'drop-trailers' }, { exitCode: 1, stderr: '', results: { tests: [result('A', 'passed'), result('B', 'failed')] } });
    expect(verdict).toEqual({ kind: 'killed-unmapped', by: ['B'] });
    expect(isKilled(verdict)).toBe(true);
  });

  test('a run that never reached the tests is an error, not a kill', () => {
    const verdict = judgeMutant(mapped, { exitCode: 2, stderr: 'noise\nerror: GatewayClass x not Accepted\n' });
    expect(verdict).toEqual({ kind: 'error', detail: 'exit 2 before any test ran: error: GatewayClass x not Accepted' });
    expect(isKilled(verdict)).toBe(false);
  });

  test("an uncaught exception is named by its error line, not by Node's version line after it", () => {
    const stderr = 'file:///x.js:3\n    throw e;\n    ^\n\nTypeError: cannot read x\n    at y (file:///x.js:3:5)\n\nNode.js v20.20.2\n';
    expect(judgeMutant(mapped, { exitCode: 1, stderr })).toEqual({ kind: 'error', detail: 'exit 1 before any test ran: TypeError: cannot read x' });
  });

  test('an expectation naming a test the suite does not have is an error', () => {
    const verdict = judgeMutant({ fault: 'x', expectedTests: ['Nope'] }, { exitCode: 0, stderr: '', results: { tests: [result('A', 'passed')] } });
    expect(verdict).toEqual({ kind: 'error', detail: 'expectation names unknown test(s) Nope' });
  });
});

describe('judgeClean', () => {
  test('passes when nothing failed and the run exited 0', () => {
    expect(judgeClean({ exitCode: 0, stderr: '', results: { tests: [result('A', 'passed'), result('B', 'skipped')] } })).toBeUndefined();
  });

  test('names each failed test with its failed cases', () => {
    const problem = judgeClean({ exitCode: 1, stderr: '', results: { tests: [result('A', 'failed', ['one', 'two'])] } });
    expect(problem).toBe('failed: A (one, two)');
  });

  test('a failed exit without a failed test is still a problem', () => {
    expect(judgeClean({ exitCode: 1, stderr: 'error: cleanup left objects\n', results: { tests: [] } })).toBe('exit 1: error: cleanup left objects');
  });

  test('a test that failed without a failed case shows its error', () => {
    expect(describeFailure({ ...result('A', 'failed'), error: 'route never Accepted' })).toBe('A: route never Accepted');
  });
});

describe('slowestConvergenceMs', () => {
  test('is the longest wait of any passed case', () => {
    const test = (ms: number[], outcome: 'passed' | 'failed') =>
      ({ ...result('T', 'passed'), cases: ms.map((m) => ({ name: 'c', outcome, durationMs: m, convergedAfterMs: m })) }) as TestResult;
    expect(slowestConvergenceMs({ tests: [test([100, 2500], 'passed'), test([9000], 'failed')] })).toBe(2500);
    expect(slowestConvergenceMs({ tests: [] })).toBe(0);
  });
});
