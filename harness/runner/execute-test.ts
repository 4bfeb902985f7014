import { setMaxListeners } from 'node:events';
import type { ResolvedConfig } from '../config/types.ts';
import { formatDuration } from '../config/duration.ts';
import { describeError } from '../errors.ts';
import { createPrefixedLog, type LogSink } from '../log.ts';
import type { RunFacts } from '../run/facts.ts';
import { CaseRecorder } from './case-recorder.ts';
import { CleanupStack } from './cleanup-stack.ts';
import { ExtendableDeadline } from './extendable-deadline.ts';
import type { ConformanceTest } from './conformance-test.ts';
import type { TestContext } from './context.ts';
import type { GateDecision } from './gating.ts';
import { inspectHint } from './inspect-hint.ts';
import type { Diagnostics, TestResult } from './results.ts';
import type { TestDeps } from './test-deps.ts';
import { testLevel } from './test-level.ts';
import { acceptWaitReservations } from '../wait-reservation.ts';

/** The test ran past timeouts.test (extended for every wait it started); the body's signal is aborted with it. */
export class TestDeadlineError extends Error {
  readonly code = 'GRPCCONF_TEST_DEADLINE';
  constructor(testName: string, deadlineMs: number) {
    super(`${testName} did not finish within ${formatDuration(deadlineMs)} (timeouts.test, moved out for each of its waits)`);
    this.name = 'TestDeadlineError';
  }
}

export interface ExecuteOptions {
  readonly config: ResolvedConfig;
  readonly facts: RunFacts;
  readonly deps: TestDeps;
  readonly gate: GateDecision;
  /** Aborted when the whole run is interrupted. */
  readonly runSignal?: AbortSignal;
  readonly logSink: LogSink;
  readonly now?: () => number;
}

function baseResult(test: ConformanceTest): Omit<TestResult, 'outcome' | 'durationMs' | 'cases'> {
  return {
    name: test.name,
    description: test.description,
    features: [...test.features],
    level: testLevel(test.features),
    provisional: test.provisional ?? false,
    specRefs: [...test.specRefs],
  };
}

/** Rejects when `signal` aborts, with the abort reason; never settles otherwise. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

async function diagnose(deps: TestDeps, facts: RunFacts, name: string): Promise<Diagnostics> {
  try {
    return await deps.collectDiagnostics(facts, name);
  } catch (error) {
    return { events: `collecting diagnostics failed: ${describeError(error)}` };
  }
}

/**
 * Runs one conformance test end to end and returns its JSON-safe result: gating outcome,
 * manifests, body, diagnostics on failure (before cleanup), then LIFO cleanup unless --keep.
 * It never throws: every failure becomes part of the result.
 */
export async function executeTest(test: ConformanceTest, options: ExecuteOptions): Promise<TestResult> {
  const { config, facts, deps, gate } = options;
  const now = options.now ?? (() => performance.now());
  if (!gate.run) {
    return {
      ...baseResult(test),
      outcome: gate.outcome,
      reason: gate.reason,
      ...(gate.missingFeatures ? { missingFeatures: [...gate.missingFeatures] } : {}),
      durationMs: 0,
      cases: [],
    };
  }

  const startedAt = now();
  const deadline = new ExtendableDeadline(config.timeouts.test, (ms) => new TestDeadlineError(test.name, ms));
  // A backend Pod that will never run ends the test through its signal, like the deadline does.
  const backendsFailed = new AbortController();
  const bodyDone = new AbortController();
  const signal = AbortSignal.any([deadline.signal, backendsFailed.signal, ...(options.runSignal ? [options.runSignal] : [])]);
  // Every concurrent case and RPC of the test listens on this one signal; that is by design.
  setMaxListeners(0, deadline.signal, signal);
  acceptWaitReservations(signal, (ms) => deadline.reserve(ms));
  const log = createPrefixedLog(test.name, options.logSink);
  const cleanup = new CleanupStack();
  const recorder = new CaseRecorder(now);
  const notExercised = new Set<number>();
  let error: unknown;
  let diagnostics: Diagnostics | undefined;
  try {
    const kube = deps.createKubeHelpers({ facts, testName: test.name, timeouts: config.timeouts, cleanup: (fn) => cleanup.push(fn), signal, log });
    const grpc = deps.createGrpcHelpers({
      timeouts: config.timeouts,
      infraNamespace: facts.namespaces.infra,
      recordCase: (c) => recorder.record(c),
      signal,
      log,
    });
    const context: TestContext = {
      name: test.name,
      log,
      signal,
      config,
      timeouts: config.timeouts,
      namespaces: facts.namespaces,
      staticAddresses: facts.staticAddresses,
      kube,
      grpc,
      cleanup: (fn) => cleanup.push(fn),
      cases: (list, fn) => recorder.cases(list, fn),
      step: (name, fn) => recorder.step(name, fn),
      notExercised: (statement, why) => {
        if (!test.specRefs.includes(statement)) throw new Error(`${test.name} does not cite #${statement}; only a cited statement can be not exercised`);
        notExercised.add(statement);
        log(`#${statement} not exercised: ${why}`);
        recorder.record({ name: `#${statement} NOT exercised (not cited in this result): ${why}`, outcome: 'passed', durationMs: 0 });
      },
    };
    log(`features: ${test.features.join(', ') || 'none'}`);
    const body = async () => {
      const applied = [];
      for (const manifest of test.manifests) applied.push(...(await kube.applyFixture(manifest)));
      deps.failOnBackendPods?.(facts, test.name, applied, AbortSignal.any([signal, bodyDone.signal])).catch((failure: unknown) => backendsFailed.abort(failure));
      await test.run(context);
    };
    await Promise.race([body(), whenAborted(signal)]);
    const failedCases = recorder.results.filter((c) => c.outcome === 'failed');
    if (failedCases.length > 0) error = new Error(`${failedCases.length} recorded case(s) failed, first: ${failedCases[0]!.name}: ${failedCases[0]!.error ?? ''}`);
  } catch (caught) {
    error = caught;
  } finally {
    bodyDone.abort();
    deadline.dispose();
  }

  if (error !== undefined && !options.runSignal?.aborted) {
    log(`failed: ${describeError(error)}`);
    diagnostics = await diagnose(deps, facts, test.name);
  }
  if (config.keep) {
    diagnostics = { ...diagnostics, inspectHint: inspectHint(facts, test.name) };
  } else {
    const failures = await cleanup.runAll();
    if (failures.length > 0 && error === undefined) error = new Error(`cleanup failed: ${failures.join('; ')}`);
    else for (const f of failures) log(`cleanup failed: ${f}`);
  }

  if (error !== undefined && options.runSignal?.aborted) {
    // Cut short by the user, not failed by the implementation.
    return {
      ...baseResult(test),
      outcome: 'skipped',
      reason: `not finished: run interrupted (${describeError(options.runSignal.reason)})`,
      durationMs: Math.round(now() - startedAt),
      cases: [...recorder.results],
      ...(diagnostics ? { diagnostics } : {}),
    };
  }
  return {
    ...baseResult(test),
    specRefs: test.specRefs.filter((n) => !notExercised.has(n)),
    outcome: error === undefined ? 'passed' : 'failed',
    durationMs: Math.round(now() - startedAt),
    cases: [...recorder.results],
    ...(error !== undefined ? { error: describeError(error) } : {}),
    ...(diagnostics ? { diagnostics } : {}),
  };
}
