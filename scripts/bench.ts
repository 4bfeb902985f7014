// `npm run bench`: how fast and lean the suite is. Prints a table, then one JSON line:
// suite_wall_s (median of 3 whole-suite runs on the embedded reference), verdict_overhead_s (time
// to a verdict beyond a 2 s programming delay the reference injects, tests run alone), weight_rpcs (the weight
// test's RPCs and its stated false-failure probability), api_requests_per_test (counted by the
// embedded API server), peak_rss_mb (the harness process tree), plus the embedded cluster's own
// bench and echo unary latency on loopback.
import { runEmbeddedClusterBench } from '../embedded-cluster/bench.ts';
import type { RunResult } from '../harness/runner/results.ts';
import { countApiRequests } from './mutants/bench-api-requests.ts';
import { echoUnaryP50Ms } from './mutants/bench-echo-latency.ts';
import { detectNetworkIsolation } from './mutants/network-isolation.ts';
import { runPool } from './mutants/run-pool.ts';
import { controlPlaneFigures } from './control-plane/control-plane-figures.ts';
import { runSuiteChild } from './mutants/suite-child.ts';
import type { SuiteChildRun } from './mutants/suite-child.ts';

const SUITE_RUNS = 3;
/** The reference's `slow-programming` fault delays every data-plane push by this much. */
const INJECTED_DELAY_MS = 2000;
const WEIGHT_TEST = 'GRPCRouteWeight';
/**
 * Each runs alone: the slow-programming fault restarts its 2 s delay whenever a newer config
 * arrives, so in a whole-suite run the other tests' changes would keep pushing programming back.
 */
const OVERHEAD_TESTS = ['GRPCExactMethodMatching', 'GRPCRouteHeaderMatching', 'GRPCRouteServiceMatching', 'GRPCRouteMethodOnlyMatching', 'GRPCRouteRequestHeaderModifier'];

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits: number): number => Number(n.toFixed(digits));

function requireClean(label: string, run: SuiteChildRun): RunResult {
  const failed = run.results?.tests.filter((t) => t.outcome === 'failed').map((t) => t.name) ?? [];
  if (!run.results || failed.length > 0) {
    const why = run.results ? `failed: ${failed.join(', ')}` : (run.stderr.split('\n').findLast((l) => l.startsWith('error:')) ?? `exit ${run.exitCode}`);
    console.log(`warning: ${label} run was not clean (${why}); its figures still count`);
  }
  return run.results ?? ({ tests: [] } as unknown as RunResult);
}

/** The weighted cases of the weight test: their RPC counts and the false-failure bound they state. */
function weightFigures(results: RunResult): { rpcs: number; falseFailureBound: number } | undefined {
  const observed = results.tests
    .find((t) => t.name === WEIGHT_TEST)
    ?.cases.map((c) => c.observed as { rpcs?: number; falseFailureBound?: number } | undefined)
    .filter((o): o is { rpcs: number; falseFailureBound: number } => typeof o?.rpcs === 'number' && typeof o.falseFailureBound === 'number');
  if (!observed || observed.length === 0) return undefined;
  return { rpcs: Math.max(...observed.map((o) => o.rpcs)), falseFailureBound: Math.max(...observed.map((o) => o.falseFailureBound)) };
}

interface Overhead {
  /** Time to verdict minus the nominal 2 s delay. */
  readonly rawMs: number;
  /** Time to verdict minus when the first good answer came (programming as observed). */
  readonly observedMs: number;
}

/**
 * Per test, the slowest passed case that had to wait for programming (it converged after polling).
 * The fault's delay restarts when a newer config arrives (the route's own status write causes one),
 * so programming can land later than 2 s: the first good answer marks when it really landed.
 */
function verdictOverheads(results: RunResult): Overhead[] {
  return results.tests.flatMap((test) => {
    const waited = test.cases.filter((c) => c.outcome === 'passed' && (c.convergedAfterMs ?? 0) >= INJECTED_DELAY_MS / 2);
    if (waited.length === 0) return [];
    const slowest = waited.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    return [{ rawMs: slowest.durationMs - INJECTED_DELAY_MS, observedMs: slowest.durationMs - (slowest.convergedAfterMs ?? 0) }];
  });
}

const isolation = await detectNetworkIsolation();
const rows: [string, string, string][] = [];
const row = (what: string, value: string, target: string): void => void rows.push([what, value, target]);

console.error(`bench: ${SUITE_RUNS} whole-suite runs, ${OVERHEAD_TESTS.length} single tests with slow programming, one suite run counting API requests${isolation ? '' : ' (no private network namespace: keep other runs off this machine meanwhile)'}`);
const suiteRuns: SuiteChildRun[] = [];
for (let i = 0; i < SUITE_RUNS; i++) {
  const run = await runSuiteChild({ args: ['--quiet'], env: { GRPCROUTE_REFERENCE_FAULTS: '', GRPCROUTE_REFERENCE_CHAOS: '' }, isolation, measureRss: true });
  requireClean(`suite run ${i + 1}`, run);
  console.error(`  suite run ${i + 1}: ${(run.wallMs / 1000).toFixed(1)}s, peak RSS ${((run.peakRss?.treeKb ?? 0) / 1024).toFixed(0)} MB`);
  suiteRuns.push(run);
}
const suiteWallS = median(suiteRuns.map((r) => r.wallMs)) / 1000;
const peak = (pick: (r: SuiteChildRun) => number): number => Math.max(...suiteRuns.map(pick)) / 1024;
const peakRssMb = peak((r) => r.peakRss?.treeKb ?? 0);
const weights = suiteRuns.flatMap((r) => (r.results ? [weightFigures(r.results)] : [])).filter((w) => w !== undefined);
const weight = weights.length > 0 ? { rpcs: median(weights.map((w) => w.rpcs)), falseFailureBound: Math.max(...weights.map((w) => w.falseFailureBound)) } : undefined;

const overheadRuns = await runPool(OVERHEAD_TESTS, isolation ? 2 : 1, (test) =>
  runSuiteChild({ args: ['--quiet', '--run-test', test], env: { GRPCROUTE_REFERENCE_FAULTS: 'slow-programming', GRPCROUTE_REFERENCE_CHAOS: '' }, isolation }),
);
const overheads = overheadRuns.flatMap((run, i) => verdictOverheads(requireClean(`slow-programming ${OVERHEAD_TESTS[i]}`, run)));
const verdictOverheadS = median(overheads.map((o) => o.observedMs)) / 1000;
const rawOverheadS = median(overheads.map((o) => o.rawMs)) / 1000;
console.error(`  slow programming: ${overheads.map((o) => `${(o.observedMs / 1000).toFixed(2)} (raw ${(o.rawMs / 1000).toFixed(2)})`).join(', ')} s`);

const api = await countApiRequests();
requireClean('API-counting', api.run);
const apiPerTest = api.tests > 0 ? api.total / api.tests : Number.NaN;

const controlPlane = await controlPlaneFigures(suiteWallS);

const echoP50 = await echoUnaryP50Ms();
const embedded = await runEmbeddedClusterBench();

row('suite_wall_s (median of 3)', `${suiteWallS.toFixed(1)} (${suiteRuns.map((r) => (r.wallMs / 1000).toFixed(1)).join(', ')})`, '<= 30 (stretch 15)');
row(
  'verdict_overhead_s (median over tests)',
  `${verdictOverheadS.toFixed(3)} after programming landed; ${rawOverheadS.toFixed(3)} over the nominal 2 s (${overheads.length} tests)`,
  '<= 0.3',
);
row(
  'weight_rpcs (median of runs)',
  weight ? `${weight.rpcs} at false failure <= ${weight.falseFailureBound} (${weights.map((w) => w.rpcs).join(', ')})` : 'weight test did not run',
  '<= 300 at <= 1e-4',
);
row('api_requests_per_test', `${apiPerTest.toFixed(1)} (${api.total} over ${api.tests} tests; ${Object.entries(api.byVerb).map(([v, n]) => `${v} ${n}`).join(', ')})`, 'watches, not tight polling');
row(
  'peak_rss_mb (harness process tree)',
  `${peakRssMb.toFixed(0)} (CLI process with cluster and gateway ${peak((r) => r.peakRss?.rootKb ?? 0).toFixed(0)}, test worker ${peak((r) => r.peakRss?.largestChildKb ?? 0).toFixed(0)})`,
  '<= 400',
);
for (const [what, value] of controlPlane.rows) row(what, value, '');
row('echo unary p50 on loopback (ms)', echoP50.toFixed(3), '');
row('embedded cluster start to ready (ms)', embedded.startToReadyMs.toFixed(0), '');
row('embedded cluster 1000 creates + 1000 status updates (ms)', embedded.createsAndStatusUpdatesMs.toFixed(0), '');

const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
console.log(`${'what'.padEnd(width)}  ${'measured'.padEnd(valueWidth)}  target`);
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`);
console.log(
  JSON.stringify({
    suite_wall_s: round(suiteWallS, 2),
    verdict_overhead_s: round(verdictOverheadS, 3),
    verdict_overhead_over_nominal_delay_s: round(rawOverheadS, 3),
    weight_rpcs: weight?.rpcs ?? null,
    weight_false_failure_probability: weight?.falseFailureBound ?? null,
    api_requests_per_test: round(apiPerTest, 1),
    api_requests_by_verb: api.byVerb,
    peak_rss_mb: round(peakRssMb, 0),
    echo_unary_p50_ms: round(echoP50, 3),
    embedded_cluster: embedded,
    control_plane: controlPlane.json,
  }),
);
