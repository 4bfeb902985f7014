// `node bin/run-ts.js scripts/mutants.ts`: mutation testing of the suite. Runs the suite against the
// reference gateway started with each fault of its catalog (its own startup config, never a
// Kubernetes object), two at a time, and checks that each mutant is killed by a test that fails
// for the reason the fault breaks. The clean reference must pass, converging well inside the
// mutants' shorter deadlines (else a kill could be the deadline's doing, not the fault's).
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { RunResult } from '../harness/runner/results.ts';
import { FAULTS } from '../reference-gateway/src/index.ts';
import { CONFORMANCE_TESTS } from '../suites/index.ts';
import { BLANKET_FAULTS, MUTANT_EXPECTATIONS, WEAK_PAIRS } from '../suites/mutants.ts';
import { DEFAULT_GATEWAY_API_VERSION, existsInRelease } from '../harness/features/release.ts';
import { renderMatrix, replaceMatrix } from './mutants/matrix-doc.ts';
import { judgePairs, laneOf, parseLane, testsWithTargetedKill } from './mutants/mutant-matrix.ts';
import type { PairVerdict } from './mutants/mutant-matrix.ts';
import { detectNetworkIsolation } from './mutants/network-isolation.ts';
import { CHAOS_MUTANT_TIMEOUTS, consistencyDeadlineMs, MUTANT_TIMEOUTS, planArgs, planBatches, planMatrixArgs, planEnv, planLabel, planMutants } from './mutants/mutant-plan.ts';
import type { MutantPlan } from './mutants/mutant-plan.ts';
import { isKilled, judgeClean, judgeMutant, slowestConvergenceMs } from './mutants/mutant-verdict.ts';
import type { FinishedRun, MutantVerdict } from './mutants/mutant-verdict.ts';
import { runPool } from './mutants/run-pool.ts';
import { runSuiteChild } from './mutants/suite-child.ts';
import type { SuiteChildRun } from './mutants/suite-child.ts';

const CHAOS = 'maxDelayMs=3000,slowFraction=0.2';
/** Mutants that must also die with chaos on: a matching bug and a weight bug. */
const DEFAULT_CHAOS_FAULTS = 'ignore-header-matches,ignore-weights';
// The first expected test killed every mutant so far: the rest run only when it did not.
const FIRST_BATCH = 1;
/** A clean run's results.json older than this is not evidence about this checkout. */
const CLEAN_FROM_MAX_AGE_MS = 30 * 60_000;

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '2' },
    only: { type: 'string' },
    timeouts: { type: 'string', default: MUTANT_TIMEOUTS },
    'chaos-faults': { type: 'string', default: DEFAULT_CHAOS_FAULTS },
    'clean-chaos': { type: 'boolean', default: false },
    /** results.json of a clean whole-suite run just made with default timeouts (npm run verify's conformance stage). */
    'clean-from': { type: 'string' },
    list: { type: 'boolean', default: false },
    /** Every (fault, expected test) pair: each mapped fault runs all its expected tests, no --fail-fast. */
    matrix: { type: 'boolean', default: false },
    /** With --matrix over every fault: write the matrix into docs/mutation-testing.md. */
    'write-doc': { type: 'boolean', default: false },
    /** K/N: only the K-th of N deterministic shares of the mutants (CI lanes). */
    lane: { type: 'string' },
  },
});

const list = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
// Legal behaviour is no fault but a neutral variant (reference-gateway/src/variants.ts, run by verify).
const faultNames = FAULTS.map((f) => f.name);
const only = list(values.only);
const unknown = [...only, ...list(values['chaos-faults'])].filter((n) => !faultNames.includes(n));
if (unknown.length > 0) {
  console.error(`error: unknown fault(s) ${unknown.join(', ')}; see reference-gateway/src/faults.ts`);
  process.exit(2);
}
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`error: --concurrency must be a positive whole number, got ${values.concurrency}`);
  process.exit(2);
}

const lane = values.lane === undefined ? undefined : parseLane(values.lane);
if (values.lane !== undefined && !lane) {
  console.error(`error: --lane must be K/N with 1 <= K <= N, got ${values.lane}`);
  process.exit(2);
}
if (values['write-doc'] && (!values.matrix || lane || only.length > 0)) {
  console.error('error: --write-doc needs --matrix over every fault (no --lane, no --only)');
  process.exit(2);
}
const allMutants = planMutants(only.length > 0 ? only : faultNames, MUTANT_EXPECTATIONS);
const mutants = lane ? laneOf(allMutants, lane.index, lane.count) : allMutants;
const registeredTests = CONFORMANCE_TESTS.map((t) => t.name).filter((name) => existsInRelease(name, DEFAULT_GATEWAY_API_VERSION));
// Targeted coverage is a property of the whole catalog: a lane or --only sees a part of it.
const wholeCatalog = !lane && only.length === 0;
const chaosMutants = planMutants(list(values['chaos-faults']), MUTANT_EXPECTATIONS).map((p) => ({ ...p, chaos: CHAOS }));
const clean: MutantPlan = {};
const cleanChaos: MutantPlan = { chaos: CHAOS };
// Longest first, so the two lanes finish together: full-suite runs, then chaos, then mapped mutants.
const byCost = (p: MutantPlan): number => (p.fault === undefined ? 0 : p.chaos ? 1 : p.expectedTests ? 3 : 2);

/** The clean run verify's conformance stage just made, when it is recent; otherwise the clean reference runs here. */
async function recentCleanResults(path: string | undefined): Promise<RunResult | undefined> {
  if (!path) return undefined;
  const results = await readFile(path, 'utf8').then((text) => JSON.parse(text) as RunResult, () => undefined);
  const age = results ? Date.now() - Date.parse(results.finishedAt) : Number.POSITIVE_INFINITY;
  const whole = results?.tests.every((t) => t.reason !== 'not selected by --run-test') ?? false;
  return age < CLEAN_FROM_MAX_AGE_MS && whole ? results : undefined;
}
const cleanFrom = await recentCleanResults(values['clean-from']);
const firstLane = !lane || lane.index === 1;
const plans = [...(cleanFrom || !firstLane ? [] : [clean]), ...(values['clean-chaos'] && firstLane ? [cleanChaos] : []), ...(firstLane ? chaosMutants : []), ...mutants].sort((a, b) => byCost(a) - byCost(b) || (b.expectedTests?.length ?? 0) - (a.expectedTests?.length ?? 0));

if (values.list) {
  if (values.matrix) {
    for (const p of plans.filter((q) => !q.chaos)) for (const test of p.expectedTests ?? []) console.log(`${planLabel(p)} ${test}`);
    process.exit(0);
  }
  for (const p of plans) console.log(`${planLabel(p).padEnd(48)} ${p.expectedTests?.join(',') ?? (p.fault ? '(unmapped: whole suite)' : '(whole suite)')}`);
  process.exit(0);
}

const isolation = await detectNetworkIsolation();
const parallel = isolation ? concurrency : 1;
if (!isolation && concurrency > 1) {
  console.log('note: no private network namespace (unshare -rn) here; runs go one at a time, as side by side they would share Gateway addresses');
}
const loadAtStart = loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(
  `mutation testing${values.matrix ? ' (matrix: every expected test of every fault)' : ''}${lane ? `, lane ${lane.index}/${lane.count}` : ''}: ${mutants.length} mutants, ${firstLane ? chaosMutants.length : 0} with chaos, ${parallel} at a time, timeouts ${values.timeouts}, load average ${loadAtStart}`,
);

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
const started = performance.now();
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

function timeoutsFor(plan: MutantPlan): string | undefined {
  if (plan.fault === undefined) return undefined;
  return plan.chaos ? CHAOS_MUTANT_TIMEOUTS : values.timeouts;
}
const mutantDeadlineMs = consistencyDeadlineMs(values.timeouts) ?? 30_000;

function describeVerdict(verdict: MutantVerdict): string {
  switch (verdict.kind) {
    case 'killed':
      return `killed by ${verdict.by.join(', ')}`;
    case 'killed-unmapped':
      return `killed (unmapped) by ${verdict.by.join(', ')}`;
    case 'survived':
      return `SURVIVED: ${verdict.detail}`;
    case 'error':
      return `ERROR: ${verdict.detail}`;
  }
}

interface Outcome {
  readonly plan: MutantPlan;
  readonly wallMs: number;
  readonly verdict?: MutantVerdict;
  readonly cleanProblem?: string;
  readonly pairs?: readonly PairVerdict[];
}

/** Prints the clean run's line; returns its problem: a failure, or convergence too slow for the mutants' deadline. */
function reportClean(label: string, plan: MutantPlan, run: FinishedRun, source: string): string | undefined {
  const slowest = run.results ? slowestConvergenceMs(run.results) : 0;
  const tooSlow = slowest > mutantDeadlineMs / 2 ? `slowest convergence ${seconds(slowest)} is over half the mutants' deadline ${seconds(mutantDeadlineMs)}; raise --timeouts` : undefined;
  const cleanProblem = judgeClean(run) ?? (plan.chaos ? undefined : tooSlow);
  const ran = run.results?.tests.filter((t) => t.outcome === 'passed').length ?? 0;
  console.log(`${label} ${cleanProblem ? `FAILED: ${cleanProblem}` : `passed all ${ran} tests, slowest convergence ${seconds(slowest)}`} (${source})`);
  return cleanProblem;
}
const cleanFromOutcome: Outcome[] = cleanFrom
  ? [{ plan: clean, wallMs: 0, cleanProblem: reportClean('clean'.padEnd(42), clean, { exitCode: 0, stderr: '', results: cleanFrom }, `from ${values['clean-from']}`) }]
  : [];

const runPlan = (plan: MutantPlan): Promise<SuiteChildRun> =>
  runSuiteChild({ args: planArgs(plan, timeoutsFor(plan)), env: planEnv(plan), isolation, signal: controller.signal });

/** A matrix child: every expected test of the fault runs (concurrently, inside the suite), none stops the others. */
async function runMatrix(plan: MutantPlan, label: string): Promise<Outcome> {
  const runOnce = () => runSuiteChild({ args: planMatrixArgs(plan, timeoutsFor(plan)), env: planEnv(plan), isolation, signal: controller.signal });
  let run = await runOnce();
  // A child that died before any test ran judged nothing; one more run tells a crash of the
  // moment from a mutant that cannot start, and the crash is printed, not hidden.
  if (!run.results && !controller.signal.aborted) {
    console.log(`${label} crashed before any test ran (exit ${run.exitCode}), running it again; its stderr ended:\n${run.stderr.trim().split('\n').slice(-15).join('\n')}`);
    run = await runOnce();
  }
  const pairs = judgePairs(plan, run);
  const failed = pairs.filter((p) => p.outcome === 'failed').map((p) => p.test);
  const verdict: MutantVerdict = !run.results
    ? judgeMutant(plan, run)
    : failed.length > 0
      ? { kind: 'killed', by: failed }
      : { kind: 'survived', detail: pairs.map((p) => `${p.test} ${p.outcome}`).join(', ') };
  const notKilled = pairs.filter((p) => p.outcome !== 'failed').map((p) => `${p.test} ${p.outcome}`);
  console.log(`${label} ${failed.length}/${pairs.length} pairs killed${notKilled.length > 0 ? `; NOT: ${notKilled.join(', ')}` : ''} (${seconds(run.wallMs)})`);
  return { plan, wallMs: run.wallMs, verdict, pairs };
}

const outcomes = [...cleanFromOutcome, ...(await runPool(plans, parallel, async (plan): Promise<Outcome> => {
  const label = planLabel(plan).padEnd(42);
  if (plan.fault === undefined) {
    const run = await runPlan(plan);
    return { plan, wallMs: run.wallMs, cleanProblem: reportClean(label, plan, run, `${seconds(run.wallMs)}`) };
  }
  if (values.matrix && plan.expectedTests && !plan.chaos) return runMatrix(plan, label);
  let verdict: MutantVerdict | undefined;
  let wallMs = 0;
  for (const batch of planBatches(plan, FIRST_BATCH)) {
    const run = await runPlan(batch);
    wallMs += run.wallMs;
    verdict = judgeMutant(batch, run);
    if (verdict.kind !== 'survived') break;
  }
  console.log(`${label} ${describeVerdict(verdict!)} (${seconds(wallMs)})`);
  return { plan, wallMs, verdict };
}))];

const catalog = outcomes.filter((o) => o.verdict && !o.plan.chaos);
const chaos = outcomes.filter((o) => o.verdict && o.plan.chaos);
const cleanRuns = outcomes.filter((o) => !o.verdict);
const pairs = catalog.flatMap((o) => o.pairs ?? []);
const survivorPairs = pairs.filter((p) => p.outcome !== 'failed');
const notKilled = [...catalog, ...chaos].filter((o) => !isKilled(o.verdict!));
const killed = catalog.filter((o) => isKilled(o.verdict!)).length;
const wallMs = performance.now() - started;
const targetedKills = testsWithTargetedKill(pairs, BLANKET_FAULTS);
const withoutTargetedKill = values.matrix && wholeCatalog ? registeredTests.filter((t) => !targetedKills.has(t)) : [];
console.log('');
for (const o of cleanRuns) console.log(`${planLabel(o.plan)} reference: ${o.cleanProblem ? `FAILED (${o.cleanProblem})` : 'passed'}`);
if (chaos.length > 0) console.log(`mutants with chaos: ${chaos.filter((o) => isKilled(o.verdict!)).length}/${chaos.length} killed`);
for (const o of notKilled) console.log(`${o.verdict!.kind === 'error' ? 'not run' : 'survivor'}: ${planLabel(o.plan)}: ${describeVerdict(o.verdict!)}`);
const documented = (p: PairVerdict): boolean => p.outcome === 'passed' && Object.hasOwn(WEAK_PAIRS, `${p.fault} ${p.test}`);
for (const p of survivorPairs) {
  console.log(documented(p) ? `weak pair (documented, not failing the run): ${p.fault} x ${p.test}: ${WEAK_PAIRS[`${p.fault} ${p.test}`]}` : `survivor pair: ${p.fault} x ${p.test}: ${p.outcome}`);
}
if (withoutTargetedKill.length > 0) console.log(`tests no targeted fault killed: ${withoutTargetedKill.join(', ')}`);
const loadAtEnd = loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`mutation testing took ${seconds(wallMs)} (load average ${loadAtStart} at start, ${loadAtEnd} at end)`);
if (values.matrix) {
  console.log(`pairs: ${pairs.length - survivorPairs.length}/${pairs.length} killed`);
  if (wholeCatalog) console.log(`tests with a targeted kill: ${registeredTests.length - withoutTargetedKill.length}/${registeredTests.length}`);
}
console.log(`mutants: ${killed}/${catalog.length} killed`);
if (values['write-doc'] && !controller.signal.aborted) {
  const docPath = new URL('../docs/mutation-testing.md', import.meta.url);
  const note = `${parallel} children at a time, load average ${loadAtStart} at start, ${loadAtEnd} at end, ${new Date().toISOString().slice(0, 10)}`;
  const section = renderMatrix({ pairs, blanket: BLANKET_FAULTS, registered: registeredTests, targetedKills, wallMs, note });
  await writeFile(docPath, replaceMatrix(await readFile(docPath, 'utf8'), section));
  console.log('wrote the matrix into docs/mutation-testing.md');
}
const everyPairKilled = survivorPairs.every(documented) && withoutTargetedKill.length === 0;
// A mutant survives only through its pairs in matrix mode: documented weak pairs do not fail it either.
const failingMutants = notKilled.filter((o) => !(o.pairs && o.pairs.every((p) => p.outcome === 'failed' || documented(p))));
process.exitCode = failingMutants.length === 0 && everyPairKilled && cleanRuns.every((o) => !o.cleanProblem) && !controller.signal.aborted ? 0 : 1;
