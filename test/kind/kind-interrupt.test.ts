import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeToolEnv, readCalls } from './fake-tools.ts';

const BIN = fileURLToPath(new URL('../../bin/grpcroute-conformance.js', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kind-interrupt-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Polls the recorded calls until `wanted` shows up, within a deadline (the CLI takes a moment to start). */
async function untilCalled(callsFile: string, wanted: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if ((await readCalls(callsFile)).some((c) => c.argv.join(' ').startsWith(wanted))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`"${wanted}" was not called within ${deadlineMs} ms`);
}

it('SIGINT while kind creates the cluster: the creation is stopped, the cluster deleted, and the exit code is 130', async () => {
  const calls = join(dir, 'calls.jsonl');
  const child = execa('node', [BIN, '--cluster', 'kind', '--kind-cluster-name', 'ci-1', '--install-command', 'true'], {
    cwd: dir,
    reject: false,
    env: { ...fakeToolEnv(calls, { FAKE_BLOCK: 'kind create cluster' }), CI: 'true' },
    timeout: 25_000,
  });
  await untilCalled(calls, 'kind create cluster', 20_000);
  child.kill('SIGINT');
  const result = await child;

  expect(result.exitCode, result.stderr).toBe(130);
  const sequence = (await readCalls(calls)).map((c) => c.argv.slice(0, 5).join(' '));
  expect(sequence).toEqual(['kind get clusters', 'docker info --format {{.OperatingSystem}}', 'kind create cluster --name ci-1', 'kind delete cluster --name ci-1']);
  expect(result.stderr).toMatch(/ ✗ Creating cluster "ci-1" \(\d+\.\ds\)/);
  expect(result.stderr).toMatch(/ ✓ Deleting cluster "ci-1" \(\d+\.\ds\)/);
  expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('error: interrupted by SIGINT');
});

it('a second SIGINT while the cluster is being deleted exits at once and prints the one command that removes it', async () => {
  const calls = join(dir, 'calls-2.jsonl');
  // Matches both `kind create cluster --name ci-2` and `kind delete cluster --name ci-2`, not `kind get clusters`.
  const child = execa('node', [BIN, '--cluster', 'kind', '--kind-cluster-name', 'ci-2', '--install-command', 'true'], {
    cwd: dir,
    reject: false,
    env: { ...fakeToolEnv(calls, { FAKE_BLOCK: 'cluster --name ci-2' }), CI: 'true' },
    timeout: 25_000,
  });
  await untilCalled(calls, 'kind create cluster', 20_000);
  child.kill('SIGINT');
  await untilCalled(calls, 'kind delete cluster', 20_000);
  child.kill('SIGINT');
  const result = await child;

  expect(result.exitCode, result.stderr).toBe(130);
  expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('SIGINT again: exiting without cleanup; left behind: kind cluster ci-2; remove it: kind delete cluster --name ci-2');
});
