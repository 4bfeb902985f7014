import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { converge } from './support/converge.ts';
import { echoContext } from './support/echo-client.ts';

const KUBECTL = '/usr/bin/kubectl';
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NS = 'kubectl-check';

let cluster: EmbeddedCluster;
let cacheDir: string;

async function kubectl(...args: string[]) {
  return execa(KUBECTL, ['--kubeconfig', cluster.kubeconfigPath, '--cache-dir', cacheDir, ...args], { reject: false, timeout: 20_000 });
}

describe.skipIf(!existsSync(KUBECTL))('kubectl against the embedded cluster (needs /usr/bin/kubectl)', () => {
  beforeAll(async () => {
    cluster = await startEmbeddedCluster();
    cacheDir = await mkdtemp(join(tmpdir(), 'kubectl-cache-'));
  });

  afterAll(async () => {
    await cluster?.stop();
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  it('applies a namespace, an echo Deployment, a Service, a Gateway and a GRPCRoute, shows them, and deletes them with the namespace', async () => {
    const applied = await kubectl('apply', '-f', join(FIXTURES, 'echo-app.yaml'));
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('grpcroute.gateway.networking.k8s.io/echo-route created');

    const pods = await converge(
      'two running pods with addresses',
      async () => JSON.parse((await kubectl('get', 'pods', '-n', NS, '-o', 'json')).stdout).items as { metadata: { name: string }; status: { phase: string; podIP?: string } }[],
      (items) => items.length === 2 && items.every((p) => p.status.phase === 'Running' && p.status.podIP),
    );
    const table = await kubectl('get', 'pods,svc,endpointslices', '-n', NS, '-o', 'wide');
    expect(table.exitCode).toBe(0);
    for (const pod of pods) expect(table.stdout).toMatch(new RegExp(`pod/${pod.metadata.name}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+${pod.status.podIP!.replace(/\./g, '\\.')}`));
    expect(table.stdout).toMatch(/service\/echo\s+ClusterIP\s+10\.96\./);
    expect(table.stdout).toMatch(/endpointslice\.discovery\.k8s\.io\/echo-\w{5}\s+IPv4\s+3000/);

    for (const pod of pods) expect(await echoContext(`${pod.status.podIP}:3000`)).toMatchObject({ pod: pod.metadata.name, namespace: NS });

    const routes = await kubectl('get', 'grpcroutes', '-A', '-o', 'yaml');
    expect(routes.stdout).toContain('name: echo-route');
    expect(routes.stdout).toContain('type: Exact');

    const reapplied = await kubectl('apply', '-f', join(FIXTURES, 'echo-app.yaml'));
    expect(reapplied.exitCode).toBe(0);
    expect(reapplied.stdout).toContain('deployment.apps/echo unchanged');

    const deleted = await kubectl('delete', 'ns', NS);
    expect(deleted.stdout).toContain(`namespace "${NS}" deleted`);
    const after = await kubectl('get', 'pods,svc,endpointslices,deployments,gateways,grpcroutes', '-n', NS);
    expect(after.stdout).toBe('');
    expect(after.stderr).toContain('No resources found');
    expect((await kubectl('get', 'ns', NS)).stderr).toContain(`namespaces "${NS}" not found`);
  });

  it('refuses an invalid GRPCRoute with messages naming each field', async () => {
    await kubectl('create', 'namespace', NS);
    const res = await kubectl('apply', '-f', join(FIXTURES, 'invalid-grpcroute.yaml'));
    expect(res.exitCode).not.toBe(0);
    expect(res.stderr).toContain('The GRPCRoute "invalid-route" is invalid');
    expect(res.stderr).toContain('spec.rules[0].matches[0].method: Invalid value: One or both of');
    expect(res.stderr).toContain('spec.rules[0].matches[0].headers[0].name: Invalid value: ""');
    expect((await kubectl('get', 'grpcroute', 'invalid-route', '-n', NS)).stderr).toContain('not found');
  });
});
