import { describe, expect, it } from 'vitest';
import { defineConformanceTest } from '../../harness/runner/conformance-test.ts';
import { converge } from '../../harness/grpc/converge.ts';
import { executeTest } from '../../harness/runner/execute-test.ts';
import { FAKE_FACTS, fakeConfig, fakeDeps, type FakeLog } from './fake-deps.ts';

function sample(run: Parameters<typeof defineConformanceTest>[0]['run'], manifests = ['a.yaml', 'b.yaml']) {
  return defineConformanceTest({ name: 'Sample', description: 'd', features: ['Gateway', 'GRPCRoute'], manifests, specRefs: [3], run });
}

async function execute(test: ReturnType<typeof sample>, config = fakeConfig(), failFixture?: string) {
  const log: FakeLog = { events: [] };
  const lines: string[] = [];
  const result = await executeTest(test, {
    config,
    facts: FAKE_FACTS,
    deps: fakeDeps(log, failFixture ? { failFixture } : {}),
    gate: { run: true },
    logSink: (l) => lines.push(l),
  });
  return { result, events: log.events, lines };
}

describe('executeTest', () => {
  it('a statement the body could not stage leaves the result\'s specRefs and is named as a case', async () => {
    const { result } = await execute(sample(async (t) => t.notExercised(3, 'never staged')));
    expect(result).toMatchObject({ outcome: 'passed', specRefs: [] });
    expect(result.cases.map((c) => c.name)).toEqual(['#3 NOT exercised (not cited in this result): never staged']);
    const uncited = await execute(sample(async (t) => t.notExercised(4, 'x')));
    expect(uncited.result).toMatchObject({ outcome: 'failed', specRefs: [3] });
  });

  it('applies manifests, runs the body with cases, cleans up LIFO', async () => {
    const bodyEvents: string[] = [];
    const { result, events, lines } = await execute(
      sample(async (t) => {
        t.cleanup(() => void bodyEvents.push('body cleanup'));
        await t.cases([{ name: 'one' }, { name: 'two' }], async () => {});
        await t.step('a step', async () => 1);
        await t.grpc.send({ host: 'h', port: 80, dialHost: 'h', dialPort: 80 }, { method: 'Echo' });
      }),
    );
    expect(result).toMatchObject({ name: 'Sample', outcome: 'passed', level: 'core', specRefs: [3], provisional: false });
    expect(result.cases.map((c) => `${c.name}:${c.outcome}`)).toEqual(['one:passed', 'two:passed', 'a step:passed', 'recorded by grpc:passed']);
    expect(events).toEqual(['apply a.yaml', 'apply b.yaml', 'delete b.yaml', 'delete a.yaml']);
    expect(bodyEvents).toEqual(['body cleanup']);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT.*Z \[Sample\] features: Gateway, GRPCRoute$/);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('a failing case fails the test after all cases settle; diagnostics come before cleanup', async () => {
    const settled: string[] = [];
    const { result, events } = await execute(
      sample(async (t) => {
        await t.cases([{ name: 'good' }, { name: 'bad' }], async (c) => {
          if (c.name === 'bad') throw Object.assign(new Error('wrong backend'), { expected: { backend: 'v1' }, observed: { backend: 'v2' } });
          settled.push(c.name!);
        });
      }),
    );
    expect(settled).toEqual(['good']);
    expect(result.outcome).toBe('failed');
    expect(result.error).toBe('1 of 2 cases failed: bad: wrong backend');
    expect(result.cases[1]).toMatchObject({ name: 'bad', outcome: 'failed', expected: { backend: 'v1' }, observed: { backend: 'v2' } });
    expect(result.diagnostics?.resourcesYaml).toContain('Sample');
    expect(events.indexOf('diagnostics Sample')).toBeLessThan(events.indexOf('delete b.yaml'));
  });

  it('a manifest that cannot be applied fails the test and still cleans up what was applied', async () => {
    const { result, events } = await execute(sample(async () => {}), fakeConfig(), 'b.yaml');
    expect(result).toMatchObject({ outcome: 'failed', error: 'cannot apply b.yaml' });
    expect(events).toEqual(['apply a.yaml', 'diagnostics Sample', 'delete a.yaml']);
  });

  it('the test deadline aborts the signal and fails the test', async () => {
    let aborted = false;
    const { result } = await execute(
      sample(
        (t) =>
          new Promise<void>((resolve) => {
            t.signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            });
          }),
        [],
      ),
      fakeConfig({ timeouts: { test: 30, gatewayMustBeProgrammed: 10, routeMustHaveParents: 10, maxTimeToConsistency: 10 } }),
    );
    expect(aborted).toBe(true);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/Sample did not finish within 30ms \(timeouts.test, moved out for each of its waits\)/);
  });

  it('a wait longer than the test deadline is never cut short: it fails with its own error', async () => {
    const { result } = await execute(
      sample(async (t) => {
        await converge('the never-true thing', async () => { throw new Error('not yet'); }, { successes: 1, timeoutMs: 300, intervalMs: 20, signal: t.signal });
      }, []),
      fakeConfig({ timeouts: { test: 30, gatewayMustBeProgrammed: 10, routeMustHaveParents: 10, maxTimeToConsistency: 10 } }),
    );
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/the never-true thing/);
    expect(result.error).not.toMatch(/did not finish within/);
  });

  it('--keep skips cleanup and adds an inspect hint with the run label', async () => {
    const { result, events } = await execute(sample(async () => {}), fakeConfig({ keep: true }));
    expect(events).toEqual(['apply a.yaml', 'apply b.yaml']);
    expect(result.outcome).toBe('passed');
    expect(result.diagnostics?.inspectHint).toContain('grpcroute-conformance.dev/run-id=rfake,grpcroute-conformance.dev/test=Sample');
  });

  it('a failing cleanup fails an otherwise passing test', async () => {
    const { result } = await execute(
      sample(async (t) => {
        t.cleanup(() => {
          throw new Error('still there');
        });
      }, []),
    );
    expect(result).toMatchObject({ outcome: 'failed', error: 'cleanup failed: still there' });
  });

  it('a test cut short by an interrupted run is skipped, not failed, and still cleaned up', async () => {
    const run = new AbortController();
    const log: FakeLog = { events: [] };
    const result = await executeTest(
      sample(async (t) => {
        run.abort(new Error('interrupted by SIGINT'));
        await new Promise((_, reject) => t.signal.addEventListener('abort', () => reject(t.signal.reason)));
      }),
      { config: fakeConfig(), facts: FAKE_FACTS, deps: fakeDeps(log), gate: { run: true }, runSignal: run.signal, logSink: () => {} },
    );
    expect(result).toMatchObject({ outcome: 'skipped', reason: 'not finished: run interrupted (interrupted by SIGINT)' });
    expect(log.events).toEqual(['apply a.yaml', 'apply b.yaml', 'delete b.yaml', 'delete a.yaml']);
  });

  it('a gated test records its outcome without running anything', async () => {
    const log: FakeLog = { events: [] };
    const result = await executeTest(sample(async () => {}), {
      config: fakeConfig(),
      facts: FAKE_FACTS,
      deps: fakeDeps(log),
      gate: { run: false, outcome: 'notSupported', reason: 'missing features: X', missingFeatures: ['GRPCRoute'] },
      logSink: () => {},
    });
    expect(result).toMatchObject({ outcome: 'notSupported', reason: 'missing features: X', missingFeatures: ['GRPCRoute'], cases: [] });
    expect(log.events).toEqual([]);
  });
});
