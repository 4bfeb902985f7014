// Bad input to --cluster=control-plane: exit 2, one `error:` line that says what to do, and
// nothing left behind (no network namespace, no control-plane process, no temporary folder).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_CACHE_BIN, locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { startControlPlane } from '../../harness/cluster/control-plane/control-plane.ts';
import { HarnessError } from '../../harness/errors.ts';
import { announcedRunFolder, errorLines, namespaceLeft, processesOfRun, runCli } from './cli-run.ts';

const isRoot = process.getuid?.() === 0;
// The unprivileged case runs the CLI as nobody: a checkout inside a 0700 folder (mktemp -d) is not theirs to read.
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'grpcroute-conformance.js');
const nobodyCanReadCheckout = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', 'test', '-r', CLI]).status === 0;
let built = false;
try {
  locateBinaries({});
  built = true;
} catch {
  // Not built on this machine: `npm run control-plane:build` first (npm run verify does).
}

let dir: string;


async function assets(name: string, files: Record<string, string>, links: string[] = []): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder);
  for (const [file, script] of Object.entries(files)) {
    await writeFile(join(folder, file), `#!/bin/sh\n${script}\n`);
    await chmod(join(folder, file), 0o755);
  }
  for (const binary of links) await symlink(join(BUILD_CACHE_BIN, binary), join(folder, binary));
  return folder;
}

async function expectCleanExit2(args: string[], env: Record<string, string>, line: RegExp, command?: string[]): Promise<void> {
  const run = await runCli(['--cluster=control-plane', ...args], { env, command });
  expect(run.code, run.stderr).toBe(2);
  expect(errorLines(run.stderr)).toHaveLength(1);
  expect(errorLines(run.stderr)[0]).toMatch(line);
  expect(namespaceLeft(run.stderr)).toBeUndefined();
  const folder = announcedRunFolder(run.stderr);
  if (folder) expect(existsSync(folder)).toBe(false);
  expect(processesOfRun(run.stderr)).toEqual([]);
}

describe.skipIf(!isRoot || !built)('--cluster=control-plane bad input', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grpcconf-cp-bad-input-'));
    await chmod(dir, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('binaries missing from KUBEBUILDER_ASSETS', async () => {
    const empty = await assets('empty', {});
    await expectCleanExit2([], { KUBEBUILDER_ASSETS: empty }, /control plane binaries not found: etcd \(in .*empty\), kube-apiserver .*; put them into KUBEBUILDER_ASSETS/);
  });

  it('binaries of another Kubernetes release', async () => {
    const old = await assets('old', { etcd: 'exit 0', 'kube-apiserver': 'echo "Kubernetes v1.30.0"', 'kube-controller-manager': 'echo "Kubernetes v1.30.0"' });
    await expectCleanExit2([], { KUBEBUILDER_ASSETS: old }, /kube-apiserver is v1\.30\.0, not v1\.\d+\.\d+; run `npm run control-plane:build`/);
  });

  it('etcd that fails to start: its last log lines', async () => {
    const broken = await assets('broken-etcd', { etcd: 'echo "etcdmain: cannot access data directory: it is on fire" >&2; exit 3' }, ['kube-apiserver', 'kube-controller-manager']);
    await expectCleanExit2([], { KUBEBUILDER_ASSETS: broken }, /etcd exited with code 3; the last lines of its log: etcdmain: cannot access data directory: it is on fire/);
  });

  it('kube-apiserver that fails to start: its last log lines', async () => {
    // The real binary, refusing a flag: what a wrong build or a bad flag looks like.
    const wrapped = await assets('broken-apiserver', { 'kube-apiserver': `case "$1" in --version) exec ${join(BUILD_CACHE_BIN, 'kube-apiserver')} --version;; esac; exec ${join(BUILD_CACHE_BIN, 'kube-apiserver')} --no-such-flag "$@"` }, ['etcd', 'kube-controller-manager']);
    await expectCleanExit2([], { KUBEBUILDER_ASSETS: wrapped }, /kube-apiserver exited with code 1; the last lines of its log: .*unknown flag: --no-such-flag/);
  });

  it.skipIf(!nobodyCanReadCheckout)('ip netns not permitted (an unprivileged user)', async () => {
    await mkdir(join(dir, 'reports'), { mode: 0o777 });
    await chmod(join(dir, 'reports'), 0o777);
    await expectCleanExit2(['--report-dir', join(dir, 'reports')], { HOME: dir }, /cannot create a network namespace .*; --cluster=control-plane needs root/, ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--']);
  });

  it('a port that another process holds', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(2379, '127.0.0.1', resolve));
    try {
      const parentDir = await mkdtemp(join(dir, 'port-'));
      const error = await startControlPlane({ binaries: locateBinaries({}), advertiseAddress: '127.0.0.1', parentDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HarnessError);
      expect((error as Error).message).toMatch(/^port 127\.0\.0\.1:2379 for etcd is already taken by another process; stop that process/);
      expect(await readdir(parentDir)).toEqual([]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
