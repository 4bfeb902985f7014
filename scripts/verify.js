#!/usr/bin/env node
// `npm run verify`: every check the project has, in one command. Each stage runs even when an
// earlier one failed, so one run shows everything that is wrong. The last line sums the tests
// of all stages (typecheck and lint count as one check each): `N passed, N failed`.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (path) => join(root, 'node_modules', path);

/** Runs a command with output passed through (and captured); resolves with its exit code and stdout. */
function run(args, env = {}, file = process.execPath) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

const TOTALS = /^(\d+) passed, (\d+) failed/;

async function check(name, args) {
  const { code } = await run(args);
  return { name, ok: code === 0, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

/** `launcher`: the node to run on and its arguments before the script (see onNode); `paths`: a subset of the tests. */
async function unitTests(scratch, name = 'unit tests', [file, ...prefix] = [process.execPath], paths = []) {
  const out = join(scratch, `${name.replace(/\W+/g, '-')}.json`);
  const { code } = await run([...prefix, bin('vitest/vitest.mjs'), 'run', '--config', 'vitest.unit.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...paths], {}, file);
  try {
    const json = JSON.parse(await readFile(out, 'utf8'));
    // A file that fails to load has no tests; count it so the sum cannot look clean.
    const broken = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    return { name, ok: code === 0, passed: json.numPassedTests, failed: json.numFailedTests + broken };
  } catch {
    return { name, ok: false, passed: 0, failed: 1 };
  }
}

async function conformance(name = 'conformance', extraArgs = [], [file, ...prefix] = [process.execPath]) {
  const { code, stdout } = await run([...prefix, join(root, 'bin/grpcroute-conformance.js'), ...extraArgs], { CI: 'true' }, file);
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  const match = TOTALS.exec(last);
  if (!match) return { name, ok: false, passed: 0, failed: 1 };
  return { name, ok: code === 0, passed: Number(match[1]), failed: Number(match[2]) + (code === 0 || Number(match[2]) > 0 ? 0 : 1) };
}

/** kube-apiserver, kube-controller-manager and etcd from the module cache, or from the proxy when it must; unit tests use them too. */
async function controlPlaneBuild() {
  const { code } = await run([join(root, 'tools/real-peers/build.sh')], {}, 'bash');
  return { name: 'control-plane build', ok: code === 0, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

/** Node majors the engines field promises besides this one, from the npm registry's `node` package (npx caches it). */
const OTHER_NODES = ['22', '24'];
const QUICK_TESTS = 'GRPCExactMethodMatching,GRPCRouteHeaderMatching';
const QUICK_UNITS = ['test/grpc', 'test/report/write-run-reports.test.ts', 'test/report/render-reports.test.ts'];

/** A short embedded run and a unit subset on Node `major`: two stages, or one failure when that node cannot be had. */
async function onNode(major, scratch) {
  const launcher = ['npx', '--yes', '--package', `node@${major}`, 'node'];
  const { code, stdout } = await run([...launcher.slice(1), '-p', 'process.versions.node'], {}, 'npx');
  if (code !== 0 || !stdout.trim().startsWith(`${major}.`)) return [{ name: `Node ${major} (npx --package node@${major})`, ok: false, passed: 0, failed: 1 }];
  const suite = await conformance(`conformance on Node ${major} (${QUICK_TESTS})`, ['--run-test', QUICK_TESTS, '--report-dir', join(scratch, `node${major}`)], launcher);
  return [suite, await unitTests(scratch, `unit subset on Node ${major}`, launcher, QUICK_UNITS)];
}

/** A stage whose own last line is `N passed, N failed`; a missing line counts as one failure. */
async function totals(name, args) {
  const { code, stdout } = await run(args);
  const match = TOTALS.exec(stdout.trimEnd().split('\n').at(-1) ?? '');
  if (!match) return { name, ok: false, passed: 0, failed: 1 };
  return { name, ok: code === 0, passed: Number(match[1]), failed: Number(match[2]) + (code === 0 || Number(match[2]) > 0 ? 0 : 1) };
}

const scratch = await mkdtemp(join(tmpdir(), 'grpcconf-verify-'));
const stages = [];
try {
  console.log('== typecheck');
  stages.push(await check('typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json']));
  console.log('== lint');
  stages.push(await check('lint', [bin('eslint/bin/eslint.js'), '.']));
  console.log('== control-plane build (tools/real-peers)');
  const build = await controlPlaneBuild();
  stages.push(build);
  console.log('== unit tests');
  stages.push(await unitTests(scratch));
  console.log('== package (npm pack, installed into an empty folder, used from there; test/package/install-check.ts)');
  stages.push(await totals('package', [join(root, 'bin/run-ts.js'), 'test/package/install-check.ts']));
  console.log('== conformance (embedded reference gateway)');
  stages.push(await conformance());
  for (const major of OTHER_NODES) {
    console.log(`== Node ${major} (npm's node package: ${QUICK_TESTS} on the embedded cluster, ${QUICK_UNITS.join(' ')})`);
    stages.push(...(await onNode(major, scratch)));
  }
  // The embedded stage runs the default (newest) release; this one keeps the older release line tested, on its real CRDs.
  console.log('== conformance (real kube-apiserver, etcd and kube-controller-manager; Gateway API v1.6.1 CRDs; reference gateway)');
  stages.push(build.ok ? await conformance('conformance (real control plane)', ['--cluster=control-plane', '--gateway-api-version', 'v1.6.1', '--report-dir', 'reports/control-plane']) : { name: 'conformance (real control plane)', ok: false, passed: 0, failed: 1 });
  console.log('== neutral variants (the suite against spec-allowed behaviour of the reference gateway; docs/strictness.md)');
  stages.push(await totals('neutral variants', [join(root, 'bin/run-ts.js'), 'scripts/mutants/neutral-variants.ts']));
  console.log('== mutants (the suite against every fault of the reference gateway; docs/mutation-testing.md)');
  // Every (fault, test) pair; a CI machine too slow for all of them runs one share per job (GRPCCONF_MUTANT_LANE=K/N).
  const lane = process.env.GRPCCONF_MUTANT_LANE ? ['--lane', process.env.GRPCCONF_MUTANT_LANE] : [];
  stages.push(await check('mutants', [join(root, 'bin/run-ts.js'), 'scripts/mutants.ts', '--matrix', ...lane, '--clean-from', 'reports/results.json', '--concurrency', '3']));
} finally {
  await rm(scratch, { recursive: true, force: true });
}

console.log('');
for (const s of stages) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name}: ${s.passed} passed, ${s.failed} failed`);
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = stages.every((s) => s.ok) ? 0 : 1;
