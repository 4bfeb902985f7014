// An echo image no node can run fails setup within seconds, not after timeouts.namespacesMustBeReady:
// exit 2, one line naming the pod, the reason and the fix, nothing of the run left in the cluster.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { startEmbeddedEnvironment, type EmbeddedEnvironment } from '../../harness/cluster/embedded.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { MANAGED_SELECTOR } from '../../harness/kube/labels.ts';
import { runCli } from '../../lib/run-cli.ts';
import { announcedRunFolder, errorLines, namespaceLeft, processesOfRun, runCli as spawnCli } from '../control-plane/cli-run.ts';

const BAD_IMAGE = 'does-not-exist.invalid/echo:v0';
const ONE_LINE = /^error: pod grpc-conformance-infra\/grpc-infra-backend-v\d-[a-z0-9-]+: ImagePullBackOff: Back-off pulling image "does-not-exist\.invalid\/echo:v0": .*; fix: pass --echo-image .*docs\/echo-image\.md/;
/** From the GatewayClass check (the last step before the base fixtures) to exit: seconds, nowhere near 300 s. */
const FAST_MS = 10_000;
/**
 * The same on a real control plane, where the failure is seen about 1 s after the fixtures are applied
 * but deleting the run's namespaces (the namespace controller) and stopping the processes take ~8 s more.
 */
const FAST_CONTROL_PLANE_MS = 20_000;
const GATEWAY_CLASS_ACCEPTED = /^GatewayClass \S+ Accepted/m;

let dir: string;
let cluster: EmbeddedEnvironment;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-bad-pods-'));
  cluster = await startEmbeddedEnvironment({ kubeconfigPath: join(dir, 'kubeconfig.yaml') });
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function managedObjects(kubeconfigPath: string): Promise<string[]> {
  const client = KubeClient.load({ kubeconfigPath, userAgent: 'bad-pods-test' });
  const found: string[] = [];
  for (const [apiVersion, kind] of [['v1', 'Namespace'], ['v1', 'Pod'], ['apps/v1', 'Deployment'], ['v1', 'Service'], ['gateway.networking.k8s.io/v1', 'Gateway']] as const) {
    const { items } = await client.list(apiVersion, kind, { labelSelector: MANAGED_SELECTOR });
    found.push(...items.map((o) => `${kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  }
  return found;
}

describe('a backend image no node can run', () => {
  it('on an existing (embedded) cluster: exit 2 within seconds, one line, nothing left', async () => {
    let stderr = '';
    let classAcceptedAt: number | undefined;
    const err = new PassThrough();
    err.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (classAcceptedAt === undefined && GATEWAY_CLASS_ACCEPTED.test(stderr)) classAcceptedAt = Date.now();
    });
    const argv = ['--cluster', 'existing', '--kubeconfig', cluster.kubeconfigPath, '--echo-image', BAD_IMAGE];
    const code = await runCli(argv, { env: { CI: 'true' }, cwd: dir, stdout: new PassThrough(), stderr: err });
    const exitedAt = Date.now();
    expect(code, stderr).toBe(2);
    expect(errorLines(stderr), stderr).toHaveLength(1);
    expect(errorLines(stderr)[0]).toMatch(ONE_LINE);
    expect(classAcceptedAt, stderr).toBeDefined();
    expect(exitedAt - classAcceptedAt!).toBeLessThan(FAST_MS);
    expect(await managedObjects(cluster.kubeconfigPath)).toEqual([]);
  }, 60_000);
});

const isRoot = process.getuid?.() === 0;
let built = false;
try {
  locateBinaries({});
  built = true;
} catch {
  // Not built on this machine: `npm run control-plane:build` first (npm run verify does).
}

describe.skipIf(!isRoot || !built)('a backend image no node can run, on --cluster=control-plane', () => {
  it('exit 2 within seconds of setup reaching the fixtures, one line, no namespace, folder or process left', async () => {
    let classAcceptedAt: number | undefined;
    const run = await spawnCli(['--cluster=control-plane', '--echo-image', BAD_IMAGE], {
      onStderr: (text) => {
        if (classAcceptedAt === undefined && GATEWAY_CLASS_ACCEPTED.test(text)) classAcceptedAt = Date.now();
      },
    });
    const exitedAt = Date.now();
    expect(run.code, run.stderr).toBe(2);
    expect(errorLines(run.stderr), run.stderr).toHaveLength(1);
    expect(errorLines(run.stderr)[0]).toMatch(ONE_LINE);
    expect(classAcceptedAt, run.stderr).toBeDefined();
    expect(exitedAt - classAcceptedAt!).toBeLessThan(FAST_CONTROL_PLANE_MS);
    expect(namespaceLeft(run.stderr)).toBeUndefined();
    const folder = announcedRunFolder(run.stderr);
    if (folder) expect(existsSync(folder)).toBe(false);
    expect(processesOfRun(run.stderr)).toEqual([]);
  }, 180_000);
});
