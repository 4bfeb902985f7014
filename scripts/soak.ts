// `npm run soak -- --runs N [--chaos] [--run-test A,B]`: runs the whole suite N times against the
// clean reference gateway and reports every failure with its test and case. A correct gateway must
// never fail: any failure here is a flake of the suite (or a bug of the reference).
import { parseArgs } from 'node:util';
import { detectNetworkIsolation } from './mutants/network-isolation.ts';
import { describeFailure } from './mutants/mutant-verdict.ts';
import { runSuiteChild } from './mutants/suite-child.ts';

const CHAOS = 'maxDelayMs=3000,slowFraction=0.2';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    chaos: { type: 'boolean', default: false },
    'run-test': { type: 'string' },
    timeouts: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`error: --runs must be a positive whole number, got ${values.runs}`);
  process.exit(2);
}

const args = ['--quiet', ...(values['run-test'] ? ['--run-test', values['run-test']] : []), ...(values.timeouts ? ['--timeouts', values.timeouts] : [])];
// Its own network namespace keeps each run off the Gateway addresses of runs other people start meanwhile.
const isolation = await detectNetworkIsolation();
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
console.log(`soak: ${runs} runs of the suite against the clean reference${values.chaos ? ` with chaos ${CHAOS}` : ''}`);

let failures = 0;
const walls: number[] = [];
for (let i = 1; i <= runs && !controller.signal.aborted; i++) {
  const run = await runSuiteChild({
    args,
    env: { GRPCROUTE_REFERENCE_FAULTS: '', GRPCROUTE_REFERENCE_CHAOS: values.chaos ? CHAOS : '' },
    isolation,
    signal: controller.signal,
  });
  walls.push(run.wallMs);
  const tests = run.results?.tests ?? [];
  const failed = tests.filter((t) => t.outcome === 'failed');
  const passed = tests.filter((t) => t.outcome === 'passed').length;
  const wall = `${(run.wallMs / 1000).toFixed(1)}s`;
  if (!run.results) {
    failures++;
    const reason = run.stderr.split('\n').findLast((l) => l.startsWith('error:')) ?? `exit ${run.exitCode}`;
    console.log(`run ${i}/${runs}: did not reach the tests (${wall}): ${reason}`);
    continue;
  }
  failures += failed.length;
  console.log(`run ${i}/${runs}: ${passed} passed, ${failed.length} failed (${wall})`);
  for (const test of failed) {
    const cases = test.cases.filter((c) => c.outcome === 'failed');
    if (cases.length === 0) console.log(`  FAIL ${describeFailure(test)}`);
    for (const c of cases) console.log(`  FAIL ${test.name} / ${c.name}: ${c.error ?? 'no error text'}`);
  }
  if (failed.length === 0 && run.exitCode !== 0) {
    failures++;
    console.log(`  FAIL exit ${run.exitCode} without a failed test: ${run.stderr.split('\n').findLast((l) => l.trim() !== '') ?? ''}`);
  }
}

const sorted = [...walls].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(`median run ${(median / 1000).toFixed(1)}s`);
console.log(`soak: ${walls.length} runs, ${failures} failures`);
process.exitCode = failures === 0 && walls.length === runs ? 0 : 1;
