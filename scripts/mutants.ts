// `node bin/run-ts.js scripts/mutants.ts`: mutation testing of the suite. Runs the suite against the
// reference gateway started with each fault of its catalog (its own startup config, never a
// Kubernetes object), two at a time, and checks that each mutant is killed by a test that fails
// for the reason the fault breaks. The clean reference must pass, converging well inside the
// mutants' shorter deadlines (else a kill could be the deadline's doing, not the fault's).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { RunResult } from '../harness/runner/results.ts';
import { FAULTS } from '../reference-gateway/src/index.ts';
import { MUTANT_EXPECTATIONS } from '../suites/mutants.ts';
import { detectNetworkIsolation } from './mutants/network-isolation.ts';
import { CHAOS_MUTANT_TIMEOUTS, consistencyDeadlineMs, MUTANT_TIMEOUTS, planArgs, planBatches, planEnv, planLabel, planMutants } from './mutants/mutant-plan.ts';
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

const mutants = planMutants(only.length > 0 ? only : faultNames, MUTANT_EXPECTATIONS);
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
const plans = [...(cleanFrom ? [] : [clean]), ...(values['clean-chaos'] ? [cleanChaos] : []), ...chaosMutants, ...mutants].sort((a, b) => byCost(a) - byCost(b));

if (values.list) {
  for (const p of plans) console.log(`${planLabel(p).padEnd(48)} ${p.expectedTests?.join(',') ?? (p.fault ? '(unmapped: whole suite)' : '(whole suite)')}`);
  process.exit(0);
}

const isolation = await detectNetworkIsolation();
const lanes = isolation ? concurrency : 1;
if (!isolation && concurrency > 1) {
  console.log('note: no private network namespace (unshare -rn) here; runs go one at a time, as side by side they would share Gateway addresses');
}
console.log(`mutation testing: ${mutants.length} mutants, ${chaosMutants.length} with chaos, ${lanes} at a time, timeouts ${values.timeouts}`);

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

const outcomes = [...cleanFromOutcome, ...(await runPool(plans, lanes, async (plan): Promise<Outcome> => {
  const label = planLabel(plan).padEnd(42);
  if (plan.fault === undefined) {
    const run = await runPlan(plan);
    return { plan, wallMs: run.wallMs, cleanProblem: reportClean(label, plan, run, `${seconds(run.wallMs)}`) };
  }
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
const notKilled = [...catalog, ...chaos].filter((o) => !isKilled(o.verdict!));
const killed = catalog.filter((o) => isKilled(o.verdict!)).length;
console.log('');
for (const o of cleanRuns) console.log(`${planLabel(o.plan)} reference: ${o.cleanProblem ? `FAILED (${o.cleanProblem})` : 'passed'}`);
if (chaos.length > 0) console.log(`mutants with chaos: ${chaos.filter((o) => isKilled(o.verdict!)).length}/${chaos.length} killed`);
for (const o of notKilled) console.log(`${o.verdict!.kind === 'error' ? 'not run' : 'survivor'}: ${planLabel(o.plan)}: ${describeVerdict(o.verdict!)}`);
console.log(`mutation testing took ${seconds(performance.now() - started)}`);
console.log(`mutants: ${killed}/${catalog.length} killed`);
process.exitCode = notKilled.length === 0 && cleanRuns.every((o) => !o.cleanProblem) && !controller.signal.aborted ? 0 : 1;
