import { describe, expect, test } from 'vitest';
import { FAULTS } from '../../reference-gateway/src/index.ts';
import { MUTANT_EXPECTATIONS } from '../../suites/mutants.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';
import { consistencyDeadlineMs, planArgs, planBatches, planEnv, planLabel, planMutants } from '../../scripts/mutants/mutant-plan.ts';
import { runPool } from '../../scripts/mutants/run-pool.ts';

describe('planMutants', () => {
  test('mapped faults run only their expected tests, unmapped ones the whole suite', () => {
    const plans = planMutants(['a', 'b'], { a: ['T1', 'T2'] });
    expect(plans).toEqual([{ fault: 'a', expectedTests: ['T1', 'T2'] }, { fault: 'b' }]);
    expect(planArgs(plans[0]!, 'maxTimeToConsistency=6s')).toEqual(['--quiet', '--timeouts', 'maxTimeToConsistency=6s', '--fail-fast', '--run-test', 'T1,T2']);
    expect(planArgs(plans[1]!, undefined)).toEqual(['--quiet', '--fail-fast']);
  });

  test('the clean reference runs everything and is not stopped early', () => {
    expect(planArgs({}, undefined)).toEqual(['--quiet']);
    expect(planLabel({})).toBe('clean');
    expect(planLabel({ fault: 'x', chaos: 'maxDelayMs=1' })).toBe('x+chaos');
  });

  test('faults and chaos reach the gateway through its own environment', () => {
    expect(planEnv({ fault: 'x', chaos: 'maxDelayMs=3000' })).toEqual({ GRPCROUTE_REFERENCE_FAULTS: 'x', GRPCROUTE_REFERENCE_CHAOS: 'maxDelayMs=3000' });
    expect(planEnv({})).toEqual({ GRPCROUTE_REFERENCE_FAULTS: '', GRPCROUTE_REFERENCE_CHAOS: '' });
  });
});

describe('the catalogs the mutants script joins', () => {
  test('there are at least 30 faults', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(30);
  });

  test('every expectation names a real fault and real tests', () => {
    const faults = new Set(FAULTS.map((f) => f.name));
    const tests = new Set(CONFORMANCE_TESTS.map((t) => t.name));
    for (const [fault, expected] of Object.entries(MUTANT_EXPECTATIONS)) {
      expect(faults.has(fault), `fault ${fault}`).toBe(true);
      for (const name of expected) expect(tests.has(name), `${fault} -> ${name}`).toBe(true);
    }
  });
});

describe('runPool', () => {
  test('never runs more than the limit at once and keeps the order of results', async () => {
    let running = 0;
    let peak = 0;
    const results = await runPool([5, 1, 3, 2, 4], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
});

describe('consistencyDeadlineMs', () => {
  test('reads maxTimeToConsistency out of a --timeouts value', () => {
    expect(consistencyDeadlineMs('routeMustHaveParents=15s,maxTimeToConsistency=10s')).toBe(10_000);
    expect(consistencyDeadlineMs('maxTimeToConsistency=1500ms')).toBe(1500);
    expect(consistencyDeadlineMs('routeMustHaveParents=15s')).toBeUndefined();
  });
});

describe('planBatches', () => {
  test('runs the first expected tests first and the rest only as a second batch', () => {
    const plan = { fault: 'f', expectedTests: ['A', 'B', 'C', 'D', 'E'] };
    expect(planBatches(plan, 3)).toEqual([
      { fault: 'f', expectedTests: ['A', 'B', 'C'] },
      { fault: 'f', expectedTests: ['D', 'E'] },
    ]);
    expect(planBatches({ fault: 'f', expectedTests: ['A'] }, 3)).toEqual([{ fault: 'f', expectedTests: ['A'] }]);
    expect(planBatches({ fault: 'f' }, 3)).toEqual([{ fault: 'f' }]);
  });
});
