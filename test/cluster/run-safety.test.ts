import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../harness/kube/client.ts';
import { apiVersionFor } from '../../harness/kube/kinds.ts';
import { LABEL_RUN_ID, MANAGED_SELECTOR } from '../../harness/kube/labels.ts';
import type { KubeObject } from '../../harness/kube/types.ts';
import { prepareRun } from '../../harness/run/prepare-run.ts';
import { existingClusterConfig } from './run-config.ts';

// The "existing" cluster is a standalone embedded cluster in its own process, so the runs under
// test (spawned CLIs) can be killed without taking the cluster down with them.
const BIN = fileURLToPath(new URL('../../bin/grpcroute-conformance.js', import.meta.url));
const KINDS = ['Namespace', 'GatewayClass', 'Gateway', 'GRPCRoute', 'Service', 'Deployment', 'Secret', 'ConfigMap', 'ReferenceGrant'];
const TEST = 'GRPCExactMethodMatching';

let dir: string;
let kubeconfig: string;
let cluster: ResultPromise;
let client: KubeClient;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-safety-'));
  kubeconfig = join(dir, 'kubeconfig');
  cluster = execa('node', [BIN, 'embedded', '--kubeconfig-out', kubeconfig], { reject: false });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: cluster.stdout! }).once('line', (line) => (line.includes('ready') ? resolve() : reject(new Error(line))));
    cluster.once('exit', () => reject(new Error('the embedded cluster exited before it was ready')));
  });
  client = KubeClient.load({ kubeconfigPath: kubeconfig, userAgent: 'grpcroute-conformance::test::run-safety' });
}, 60_000);
afterAll(async () => {
  cluster?.kill('SIGTERM');
  await cluster;
  if (dir) await rm(dir, { recursive: true, force: true });
});

function runAgainstCluster(reportDir: string) {
  return execa('node', [BIN, '--cluster', 'existing', '--kubeconfig', kubeconfig, '--run-test', TEST, '--report-dir', join(dir, reportDir)], {
    reject: false,
    env: { CI: 'true' },
    timeout: 90_000,
  });
}

async function labelled(): Promise<KubeObject[]> {
  const found: KubeObject[] = [];
  for (const kind of KINDS) {
    const apiVersion = await apiVersionFor(client, kind);
    found.push(...(await client.list(apiVersion, kind, { labelSelector: MANAGED_SELECTOR })).items);
  }
  return found;
}

/**
 * Polls until the run has created an object of `kind`, within a deadline; returns the run id.
 * Namespaces come first in setup and base readiness takes seconds after them, so a signal sent
 * then lands while the run is halfway through setting up.
 */
async function untilCreated(run: { readonly exitCode: number | null }, kind: string, deadlineMs: number): Promise<string> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline && run.exitCode === null) {
    const object = (await labelled()).find((o) => o.kind === kind);
    if (object) return object.metadata.labels?.[LABEL_RUN_ID] ?? '';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the run created no ${kind} within ${deadlineMs} ms`);
}

describe('runs against an existing cluster', () => {
  it('stops at a pre-existing namespace without our label, and leaves it untouched', async () => {
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'grpc-conformance-app-backend', labels: { team: 'payments' } } });
    const before = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-app-backend' });
    const result = await runAgainstCluster('r-unlabelled');
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^error: namespace "grpc-conformance-app-backend" already exists without the label grpcroute-conformance.dev\/managed-by=grpcroute-conformance/);
    const after = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-app-backend' });
    expect(after?.metadata).toEqual(before?.metadata);
    expect(await labelled()).toEqual([]);
    await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-app-backend' });
  }, 120_000);

  it('a run interrupted halfway with SIGINT cleans up after itself and exits 130', async () => {
    const run = runAgainstCluster('r-sigint');
    await untilCreated(run, 'Namespace', 80_000);
    run.kill('SIGINT');
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(130);
    expect((await labelled()).map((o) => `${o.kind} ${o.metadata.name}`), result.stderr).toEqual([]);
  }, 120_000);

  it('a run killed with SIGKILL leaves labelled objects, and the next run sweeps them', async () => {
    const run = runAgainstCluster('r-sigkill');
    const runId = await untilCreated(run, 'Deployment', 80_000);
    run.kill('SIGKILL');
    await run;
    const left = await labelled();
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((o) => o.metadata.labels?.[LABEL_RUN_ID] === runId)).toBe(true);

    const lines: string[] = [];
    const next = await prepareRun(existingClusterConfig({ kubeconfig, runId: 'r-next' }), (line) => lines.push(line));
    await next.teardown();
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^sweeping \\d+ leftover object\\(s\\) of earlier runs \\(${runId}\\)$`)));
    expect(await labelled()).toEqual([]);
  }, 180_000);
});
