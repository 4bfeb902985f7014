import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/run-cli.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from '../kube/embedded-fixture.ts';
import { fakeToolEnv, readCalls } from './fake-tools.ts';

let dir: string;
let bare: EmbeddedForTest;
const savedPath = process.env.PATH;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'existing-gateway-api-'));
  bare = await startEmbeddedForTest({ disabledKinds: ['GRPCRoute', 'ReferenceGrant'], referenceGateway: false });
});
afterAll(async () => {
  process.env.PATH = savedPath;
  await bare?.environment.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr = new PassThrough();
  const chunks: string[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
  const code = await runCli(argv, { env: { CI: 'true' }, cwd: dir, stdout: new PassThrough(), stderr });
  return { code, stderr: chunks.join('').trimEnd().split('\n') };
}

describe('an existing cluster without the Gateway API CRDs', () => {
  it('stops with one line naming the missing kinds and the flag that installs them', async () => {
    const result = await cli(['--cluster', 'existing', '--kubeconfig', bare.environment.kubeconfigPath, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^error: the cluster at \S+ does not serve the Gateway API kinds GRPCRoute, ReferenceGrant; .*--gateway-api-version VERSION installs them/);
  });

  it('--gateway-api-version installs the missing CRDs of that release with kubectl, printing the URL', async () => {
    const calls = join(dir, 'calls.jsonl');
    process.env.PATH = fakeToolEnv(calls).PATH;
    process.env.FAKE_CALLS = calls;
    const result = await cli(['--cluster', 'existing', '--kubeconfig', bare.environment.kubeconfigPath, '--gateway-api-version', 'v1.2.1']);
    delete process.env.FAKE_CALLS;
    process.env.PATH = savedPath;

    const url = 'https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.1/standard-install.yaml';
    const target = `--kubeconfig ${bare.environment.kubeconfigPath} --context embedded`;
    expect((await readCalls(calls)).map((c) => c.argv.join(' '))).toEqual([
      `kubectl ${target} apply --server-side -f ${url}`,
      `kubectl ${target} wait --for=condition=Established --timeout=60s crd/gatewayclasses.gateway.networking.k8s.io crd/gateways.gateway.networking.k8s.io crd/grpcroutes.gateway.networking.k8s.io crd/referencegrants.gateway.networking.k8s.io`,
    ]);
    expect(result.stderr).toContain('   Gateway API kinds not served: GRPCRoute, ReferenceGrant');
    expect(result.stderr).toContain(`   from ${url}`);
    expect(result.stderr.some((l) => /^ ✓ Installing Gateway API CRDs v1\.2\.1 \(standard\) \(\d+\.\ds\)$/.test(l))).toBe(true);
    // The fake kubectl installs nothing, so the preflight still refuses: the suite never assumes.
    expect(result.code).toBe(2);
    expect(result.stderr.at(-1)).toMatch(/does not serve the Gateway API kinds GRPCRoute, ReferenceGrant/);
  });
});
