// Two runs on one existing cluster (a standalone embedded cluster in its own process): they never
// touch each other, a Ctrl-C while waiting for the cluster leaves the live run alone, and a second
// Ctrl-C names exactly what stays and the one command that removes it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../../harness/kube/client.ts';
import { apiVersionFor } from '../../harness/kube/kinds.ts';
import { LABEL_RUN_ID, MANAGED_SELECTOR, runLabels } from '../../harness/kube/labels.ts';
import { acquireRunLease } from '../../harness/run/run-lease.ts';
import type { KubeObject } from '../../harness/kube/types.ts';

const BIN = fileURLToPath(new URL('../../bin/grpcroute-conformance.js', import.meta.url));
const KINDS = ['Namespace', 'GatewayClass', 'Gateway', 'GRPCRoute', 'Service', 'Deployment', 'Secret', 'ConfigMap', 'ReferenceGrant'];
const INFRA = 'grpc-conformance-infra';
const TESTS = 'GRPCExactMethodMatching,GRPCRouteHeaderMatching';

let dir: string;
let kubeconfig: string;
let cluster: ResultPromise;
let client: KubeClient;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shared-cluster-'));
  kubeconfig = join(dir, 'kubeconfig');
  cluster = execa('node', [BIN, 'embedded', '--kubeconfig-out', kubeconfig], { reject: false });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: cluster.stdout! }).once('line', (line) => (line.includes('ready') ? resolve() : reject(new Error(line))));
    cluster.once('exit', () => reject(new Error('the embedded cluster exited before it was ready')));
  });
  client = KubeClient.load({ kubeconfigPath: kubeconfig, userAgent: 'grpcroute-conformance::test::shared-cluster' });
}, 60_000);
afterAll(async () => {
  cluster?.kill('SIGTERM');
  await cluster;
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(name: string) {
  return execa('node', [BIN, '--cluster', 'existing', '--kubeconfig', kubeconfig, '--run-test', TESTS, '--report-dir', join(dir, name)], {
    reject: false,
    env: { CI: 'true' },
    timeout: 150_000,
  });
}

/** From the run's first line, `run <id>: gateway class …`. */
function runIdOf(stderr: string): string {
  return /^run (\S+):/m.exec(stderr)?.[1] ?? '(no run id)';
}

async function labelled(): Promise<KubeObject[]> {
  const found: KubeObject[] = [];
  for (const kind of KINDS) {
    found.push(...(await client.list(await apiVersionFor(client, kind), kind, { labelSelector: MANAGED_SELECTOR })).items);
  }
  return found;
}

/** Resolves with the stderr so far once `text` shows up on it (an event, not a sleep). */
function untilStderr(child: ResultPromise, text: string | RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) resolve(seen);
    });
    void child.then(() => reject(new Error(`the run ended without printing "${text}":\n${seen}`)));
  });
}

describe('two runs on one cluster', () => {
  it('run one after the other, each whole: the second waits for the first and sweeps nothing of it', async () => {
    const [a, b] = await Promise.all([run('a'), run('b')]);
    for (const result of [a, b]) {
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 passed, 0 failed/);
      expect(result.stderr).not.toMatch(/is dead|sweeping/);
    }
    // On a loaded machine the first run may end before the second reaches the lease: then none waited.
    const waited = [a, b].filter((r) => r.stderr.includes('cluster in use by run'));
    expect(waited.length).toBeLessThanOrEqual(1);
    if (waited[0]) expect(waited[0].stderr).toContain(`cluster in use by run ${runIdOf((waited[0] === a ? b : a).stderr)}`);
    expect(await labelled()).toEqual([]);
  }, 300_000);

  it('Ctrl-C while waiting for the cluster stops that run at once and leaves the live one alone', async () => {
    // The live run is this test holding the cluster's lease, so it lasts exactly as long as needed.
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INFRA, labels: runLabels('r-held', 'base') } };
    const held = await acquireRunLease(client, { runId: 'r-held', namespace, waitMs: 1000, deleteTimeoutMs: 30_000, log: () => undefined });
    const waiting = run('waiting');
    await untilStderr(waiting, 'cluster in use by run r-held');
    waiting.kill('SIGINT');
    const stopped = await waiting;
    expect(stopped.exitCode, stopped.stderr).toBe(130);
    expect(stopped.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual(['error: interrupted by SIGINT']);
    expect((await labelled()).map((o) => `${o.kind} ${o.metadata.name} ${o.metadata.labels?.[LABEL_RUN_ID]}`)).toEqual([`Namespace ${INFRA} r-held`]);
    await held.release({ deleteNamespace: true });
    expect(await labelled()).toEqual([]);
  }, 300_000);

  it('a second Ctrl-C exits at once and prints what it left and the one command that removes it', async () => {
    const child = run('twice');
    const id = runIdOf(await untilStderr(child, 'base fixtures ready'));
    const stopping = untilStderr(child, 'stopping the run and cleaning up');
    child.kill('SIGINT');
    // Two signals sent back to back coalesce into one: the second goes once the first was handled.
    await stopping;
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, result.stderr).toBe(130);
    const command = `kubectl --kubeconfig ${kubeconfig} delete namespaces,gatewayclasses.gateway.networking.k8s.io -l grpcroute-conformance.dev/run-id=${id}`;
    expect(result.stderr).toContain(
      `SIGINT again: exiting without cleanup; left behind: the namespaces and GatewayClasses labelled grpcroute-conformance.dev/run-id=${id} (everything run ${id} created); remove them: ${command}`,
    );
    expect((await labelled()).length).toBeGreaterThan(0);
    execFileSync('sh', ['-c', `${command} --wait=true`], { stdio: 'ignore' });
    expect(await labelled()).toEqual([]);
  }, 300_000);
});
