import { describe, expect, test } from 'vitest';
import type { TestResult } from '../../harness/runner/results.ts';
import { DEFAULT_GATEWAY_API_VERSION, existsInRelease } from '../../harness/features/release.ts';
import { FAULTS } from '../../reference-gateway/src/index.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';
import { BLANKET_FAULTS, MUTANT_EXPECTATIONS, WEAK_PAIRS } from '../../suites/mutants.ts';
import { judgePairs, laneOf, parseLane, planPairs, testsWithoutTargetedFault, testsWithTargetedKill } from '../../scripts/mutants/mutant-matrix.ts';
import { planMatrixArgs, planMutants } from '../../scripts/mutants/mutant-plan.ts';

function result(name: string, outcome: TestResult['outcome'], durationMs = 1): TestResult {
  return { name, description: '', features: [], level: 'core', provisional: false, specRefs: [], outcome, durationMs, cases: [] };
}

const plan = { fault: 'f', expectedTests: ['A', 'B', 'C', 'D'] };

describe('judgePairs', () => {
  test('judges every expected test on its own', () => {
    const tests = [result('A', 'failed', 1200), result('B', 'passed', 800), result('C', 'skipped')];
    expect(judgePairs(plan, { results: { tests } })).toEqual([
      { fault: 'f', test: 'A', outcome: 'failed', durationMs: 1200 },
      { fault: 'f', test: 'B', outcome: 'passed', durationMs: 800 },
      { fault: 'f', test: 'C', outcome: 'not-run' },
      { fault: 'f', test: 'D', outcome: 'not-run' },
    ]);
  });

  test('a child that wrote no results makes every pair an error', () => {
    expect(judgePairs(plan, {}).map((p) => p.outcome)).toEqual(['error', 'error', 'error', 'error']);
  });

  test('a matrix child never stops at the first failure', () => {
    expect(planMatrixArgs(plan, 'maxTimeToConsistency=8s')).toEqual(['--quiet', '--timeouts', 'maxTimeToConsistency=8s', '--run-test', 'A,B,C,D']);
  });
});

describe('lanes', () => {
  test('K/N is parsed, anything else refused', () => {
    expect(parseLane('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(parseLane(bad), bad).toBeUndefined();
  });

  test('the lanes split the plans once each, the same way every time, balanced by pairs', () => {
    const plans = planMutants(FAULTS.map((f) => f.name), MUTANT_EXPECTATIONS);
    const lanes = [1, 2, 3].map((k) => laneOf(plans, k, 3));
    expect(lanes.flat().map((p) => p.fault).sort()).toEqual(plans.map((p) => p.fault).sort());
    expect([1, 2, 3].map((k) => laneOf(plans, k, 3))).toEqual(lanes);
    const loads = lanes.map((lane) => lane.reduce((n, p) => n + (p.expectedTests?.length ?? 1), 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...plans.map((p) => p.expectedTests?.length ?? 1)));
  });
});

describe('targeted coverage', () => {
  const registered = CONFORMANCE_TESTS.map((t) => t.name).filter((name) => existsInRelease(name, DEFAULT_GATEWAY_API_VERSION));

  test('every blanket fault is a mapped fault of the catalog, with a reason', () => {
    const faults = new Set(FAULTS.map((f) => f.name));
    for (const [fault, reason] of Object.entries(BLANKET_FAULTS)) {
      expect(faults.has(fault) && Object.hasOwn(MUTANT_EXPECTATIONS, fault), fault).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  test('every registered test is expected to fail under a fault that is not blanket', () => {
    expect(testsWithoutTargetedFault(registered, MUTANT_EXPECTATIONS, BLANKET_FAULTS)).toEqual([]);
  });

  test('blanket kills do not count as targeted kills', () => {
    const pairs = [
      { fault: 'missing-resolved-refs', test: 'A', outcome: 'failed' as const },
      { fault: 'ignore-weights', test: 'B', outcome: 'failed' as const },
      { fault: 'ignore-weights', test: 'C', outcome: 'passed' as const },
    ];
    expect([...testsWithTargetedKill(pairs, BLANKET_FAULTS)]).toEqual(['B']);
  });

  test('the pairs of the plan leave out chaos runs and the clean reference', () => {
    expect(planPairs([{}, { fault: 'f', expectedTests: ['A'], chaos: 'x' }, { fault: 'f', expectedTests: ['A', 'B'] }, { fault: 'g' }])).toEqual(['f A', 'f B']);
  });
});

describe('documented weak pairs', () => {
  test('name a mapped pair of the plan, with a reason', () => {
    for (const [pair, reason] of Object.entries(WEAK_PAIRS)) {
      const [fault, test] = pair.split(' ');
      expect(MUTANT_EXPECTATIONS[fault!] ?? [], pair).toContain(test);
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});
