// A test whose backend Pods will never run ends at once with the pod's one line, its body's waits
// aborted; and the watch stops when the body ends, whichever way.
import { describe, expect, it } from 'vitest';
import { defineConformanceTest } from '../../harness/runner/conformance-test.ts';
import { executeTest } from '../../harness/runner/execute-test.ts';
import type { TestDeps } from '../../harness/runner/test-deps.ts';
import { FAKE_FACTS, fakeConfig, fakeDeps, type FakeLog } from './fake-deps.ts';

const POD_LINE = 'pod grpc-conformance-infra/backend-1: ImagePullBackOff: Back-off pulling image "bad"; fix: pass --echo-image';

function sample(run: Parameters<typeof defineConformanceTest>[0]['run']) {
  return defineConformanceTest({ name: 'Sample', description: 'd', features: ['Gateway', 'GRPCRoute'], manifests: ['a.yaml'], specRefs: [3], run });
}

async function execute(test: ReturnType<typeof sample>, failOnBackendPods: NonNullable<TestDeps['failOnBackendPods']>) {
  const log: FakeLog = { events: [] };
  const result = await executeTest(test, {
    config: fakeConfig(),
    facts: FAKE_FACTS,
    deps: { ...fakeDeps(log), failOnBackendPods },
    gate: { run: true },
    logSink: () => {},
  });
  return { result, events: log.events };
}

describe('backend Pods of a test', () => {
  it('a hopeless backend fails the test with its line and aborts the body', async () => {
    let bodySawAbort = false;
    const { result, events } = await execute(
      sample(async (t) => {
        await new Promise<void>((resolve) => t.signal.addEventListener('abort', () => resolve(), { once: true }));
        bodySawAbort = true;
      }),
      () => Promise.reject(new Error(POD_LINE)),
    );
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain(POD_LINE);
    expect(bodySawAbort).toBe(true);
    expect(events).toEqual(['apply a.yaml', 'diagnostics Sample', 'delete a.yaml']);
  });

  it('the watch gets the applied objects and is stopped when the body ends', async () => {
    let stopped: AbortSignal | undefined;
    let applied: unknown;
    const { result } = await execute(
      sample(async () => {}),
      (_facts, testName, objects, signal) => {
        expect(testName).toBe('Sample');
        applied = objects;
        stopped = signal;
        return new Promise<never>(() => {});
      },
    );
    expect(result.outcome).toBe('passed');
    expect(applied).toEqual([]);
    expect(stopped?.aborted).toBe(true);
  });
});
