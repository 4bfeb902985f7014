// The suite against the reference gateway's neutral variants (reference-gateway/src/variants.ts):
// behaviour the spec allows besides the default. Every run must pass every test: a failure is a test
// stricter than the spec, the other half of what mutation testing proves. A stage of `npm run verify`.
//
//   node bin/run-ts.js scripts/mutants/neutral-variants.ts [--only a,b]
//
// Last line: `N passed, N failed` over all runs. Exit 0 only when every run passed every test.
import { parseArgs } from 'node:util';
import { VARIANTS } from '../../reference-gateway/src/variants.ts';
import { detectNetworkIsolation } from './network-isolation.ts';
import { runSuiteChild } from './suite-child.ts';

// slow-programming delays every push by 2 s, which stretches a combined run; it gets a run of its own.
const ALONE = ['slow-programming'];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const names: string[] = VARIANTS.map((v) => v.name);
const only = (values.only ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((n) => !names.includes(n));
if (unknown.length > 0) {
  console.error(`error: unknown variant(s) ${unknown.join(', ')}; see reference-gateway/src/variants.ts`);
  process.exit(2);
}
const chosen = only.length > 0 ? only : names;
// Every variant is compatible with every other (each changes one independent behaviour), so all but
// the slow ones share one run: one suite wall time instead of seventeen.
const lanes = [chosen.filter((n) => !ALONE.includes(n)), ...chosen.filter((n) => ALONE.includes(n)).map((n) => [n])].filter((l) => l.length > 0);

const isolation = await detectNetworkIsolation();
let passed = 0;
let failed = 0;
const started = performance.now();
// One run at a time: each is a whole suite, and the machine is shared.
for (const lane of lanes) {
  const run = await runSuiteChild({
    args: ['--quiet'],
    env: { GRPCROUTE_REFERENCE_VARIANTS: lane.join(','), GRPCROUTE_REFERENCE_FAULTS: '', GRPCROUTE_REFERENCE_CHAOS: '' },
    ...(isolation ? { isolation } : {}),
  });
  const tests = run.results?.tests ?? [];
  const bad = tests.filter((t) => t.outcome === 'failed');
  const good = tests.filter((t) => t.outcome === 'passed').length;
  // No results (exit 2) or a non-zero exit without a failed test is a failure of the run itself.
  const runFailed = bad.length + (run.results === undefined || (run.exitCode !== 0 && bad.length === 0) ? 1 : 0);
  passed += good;
  failed += runFailed;
  console.log(`${runFailed === 0 ? 'pass' : 'FAIL'} [${lane.join(', ')}]: ${good} passed, ${runFailed} failed (${(run.wallMs / 1000).toFixed(1)} s)`);
  for (const test of bad) {
    const cases = test.cases.filter((c) => c.outcome === 'failed').map((c) => c.name);
    console.log(`  ${test.name}${cases.length > 0 ? `: ${cases.join('; ')}` : ''}: ${(test.error ?? '').split('\n')[0]}`);
  }
  if (run.results === undefined) console.log(`  the run ended before its tests (exit ${run.exitCode}): ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
}
console.log(`neutral variants: ${chosen.length} in ${lanes.length} run(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
