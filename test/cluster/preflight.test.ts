import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/errors.ts';
import { MANAGED_SELECTOR } from '../../harness/kube/labels.ts';
import { prepareRun } from '../../harness/run/prepare-run.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from '../kube/embedded-fixture.ts';
import { existingClusterConfig } from './run-config.ts';

const failure = async (promise: Promise<unknown>): Promise<HarnessError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarnessError);
  return error as HarnessError;
};

let cluster: EmbeddedForTest;
let dir: string;
beforeAll(async () => {
  cluster = await startEmbeddedForTest();
  dir = await mkdtemp(join(tmpdir(), 'preflight-test-'));
});
afterAll(async () => {
  await cluster?.environment.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('preflight refusals (one line, exit 2, nothing created)', () => {
  it('a missing kubeconfig file', async () => {
    const error = await failure(prepareRun(existingClusterConfig({ kubeconfig: join(dir, 'nope') }), () => {}));
    expect(error.code).toBe('GRPCCONF_KUBECONFIG_MISSING');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(join(dir, 'nope'));
  });

  it('an unknown context', async () => {
    const error = await failure(prepareRun(existingClusterConfig({ kubeconfig: cluster.environment.kubeconfigPath, context: 'nope' }), () => {}));
    expect(error.code).toBe('GRPCCONF_UNKNOWN_CONTEXT');
    expect(error.message).toMatch(/context "nope" .*known: embedded/);
  });

  it('an unreachable API server names the URL and suggests --kubeconfig/--context', async () => {
    const port = await closedPort();
    const path = join(dir, 'unreachable');
    await writeFile(
      path,
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`,
    );
    const error = await failure(prepareRun(existingClusterConfig({ kubeconfig: path }), () => {}));
    expect(error.code).toBe('GRPCCONF_API_UNREACHABLE');
    expect(error.message).toContain(`https://127.0.0.1:${port}`);
    expect(error.message).toContain('--kubeconfig');
    expect(error.message).not.toContain('\n');
  });

  it('a missing GatewayClass fails fast and leaves nothing of the run behind', async () => {
    const started = Date.now();
    const error = await failure(prepareRun(existingClusterConfig({ kubeconfig: cluster.environment.kubeconfigPath, gatewayClass: 'no-such-class' }), () => {}));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(error.code).toBe('GRPCCONF_GATEWAYCLASS_MISSING');
    expect(error.message).toContain('GatewayClass "no-such-class" does not exist');
    expect((await cluster.client.list('v1', 'Namespace', { labelSelector: MANAGED_SELECTOR })).items).toEqual([]);
  });

  it('a GatewayClass nobody accepts reports its last conditions', async () => {
    await cluster.client.apply({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'orphan-class' },
      spec: { controllerName: 'example.com/nobody' },
    });
    const config = existingClusterConfig({ kubeconfig: cluster.environment.kubeconfigPath, gatewayClass: 'orphan-class' });
    const error = await failure(prepareRun({ ...config, timeouts: { ...config.timeouts, gatewayClassMustBeAccepted: 1_000 } }, () => {}));
    expect(error.code).toBe('GRPCCONF_GATEWAYCLASS_NOT_ACCEPTED');
    expect(error.message).toMatch(/GatewayClass "orphan-class" is not Accepted after 1s: last state generation 1, conditions \[/);
  });

  it('an existing namespace without our label is neither adopted nor deleted', async () => {
    await cluster.client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'grpc-conformance-web-backend' } });
    try {
      const error = await failure(prepareRun(existingClusterConfig({ kubeconfig: cluster.environment.kubeconfigPath }), () => {}));
      expect(error.code).toBe('GRPCCONF_NAMESPACE_NOT_OURS');
      expect(error.message).toContain('namespace "grpc-conformance-web-backend" already exists without the label');
      const namespace = await cluster.client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-web-backend' });
      expect(namespace?.metadata.labels?.['grpcroute-conformance.dev/managed-by']).toBeUndefined();
      expect(await cluster.client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-infra' })).toBeUndefined();
    } finally {
      await cluster.client.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-web-backend' });
    }
  });
});

describe('missing Gateway API CRDs', () => {
  let bare: EmbeddedForTest;
  beforeAll(async () => {
    bare = await startEmbeddedForTest({ disabledKinds: ['GRPCRoute', 'ReferenceGrant'], referenceGateway: false });
  });
  afterAll(() => bare?.environment.stop());

  it('names the missing kinds and suggests installing the CRDs', async () => {
    const error = await failure(prepareRun(existingClusterConfig({ kubeconfig: bare.environment.kubeconfigPath }), () => {}));
    expect(error.code).toBe('GRPCCONF_CRDS_MISSING');
    expect(error.message).toContain('GRPCRoute, ReferenceGrant');
    expect(error.message).toContain('install the Gateway API CRDs');
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
