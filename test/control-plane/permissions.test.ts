// The permission check against a real kube-apiserver with RBAC: a ServiceAccount that lacks some
// verbs gets exactly those listed, exit 2 and nothing created; one bound to the README's
// ClusterRole passes the check.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningControlPlane } from '../../harness/cluster/control-plane/control-plane.ts';
import { gatewayApiCrdFolder, installGatewayApiManifests, readGatewayApiManifests } from '../../harness/cluster/control-plane/gateway-api-crds.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { MANAGED_SELECTOR } from '../../harness/kube/labels.ts';
import { clusterRoleFor } from '../../harness/run/rbac-manifest.ts';
import { REQUIRED_PERMISSIONS, type RequiredPermission } from '../../harness/run/required-permissions.ts';
import { errorLines, runCli } from './cli-run.ts';
import { limitedIdentity } from './limited-identity.ts';
import { built, isRoot, startLoopbackPlane } from './loopback-plane.ts';

/** The table with some verbs taken away: what the limited identity is granted. */
function without(table: readonly RequiredPermission[], denied: readonly { resource: string; subresource?: string; verb: string }[]): RequiredPermission[] {
  return table.map((p) => ({
    ...p,
    verbs: p.verbs.filter((verb) => !denied.some((d) => d.resource === p.resource && d.subresource === p.subresource && d.verb === verb)),
  }));
}

describe.skipIf(!isRoot || !built)('permissions on a real kube-apiserver', () => {
  let plane: RunningControlPlane;
  let admin: KubeClient;
  let dir: string;

  beforeAll(async () => {
    plane = await startLoopbackPlane();
    admin = KubeClient.load({ kubeconfigPath: plane.kubeconfigs.suite, userAgent: 'grpcroute-conformance::test::permissions' });
    await installGatewayApiManifests(admin, await readGatewayApiManifests(await gatewayApiCrdFolder('v1.6.1', 'standard')));
    dir = await mkdtemp(join(tmpdir(), 'grpcconf-permissions-'));
  }, 120_000);
  afterAll(async () => {
    await plane?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const planeOf = () => ({ url: plane.url, caPem: plane.caPem, adminToken: plane.tokens.suite });

  it('lists every missing permission, exits 2 and creates nothing', async () => {
    const kubeconfig = join(dir, 'limited.kubeconfig');
    const granted = without(REQUIRED_PERMISSIONS, [
      { resource: 'namespaces', verb: 'delete' },
      { resource: 'leases', verb: 'watch' },
      { resource: 'deployments', verb: 'create' },
      { resource: 'pods', subresource: 'log', verb: 'get' },
    ]);
    await limitedIdentity(admin, planeOf(), 'grpcconf-limited', clusterRoleFor('grpcconf-limited', granted), kubeconfig);
    const run = await runCli(['--cluster=existing', '--kubeconfig', kubeconfig, '--report-dir', join(dir, 'reports-limited')]);
    const missing = run.stderr.split('\n').filter((l) => l.includes('missing permission:'));
    expect(missing, run.stderr).toEqual([
      'missing permission: delete namespaces cluster-wide',
      'missing permission: watch leases.coordination.k8s.io in namespace grpc-conformance-infra',
      'missing permission: create deployments.apps in namespaces grpc-conformance-infra, grpc-conformance-app-backend, grpc-conformance-web-backend',
      'missing permission: get pods/log in namespaces grpc-conformance-infra, grpc-conformance-app-backend, grpc-conformance-web-backend',
    ]);
    expect(errorLines(run.stderr), run.stderr).toEqual([
      'error: the identity of context grpcconf-limited lacks 4 permission(s) the suite needs (listed above); grant them, e.g. with the ClusterRole in README "Against your own implementation" bound to that identity, and run again',
    ]);
    expect(run.code).toBe(2);
    // Everything else the suite creates lives in its namespaces (or is a GatewayClass a test makes).
    for (const [apiVersion, kind] of [['v1', 'Namespace'], ['coordination.k8s.io/v1', 'Lease']] as const) {
      expect((await admin.list(apiVersion, kind, { labelSelector: MANAGED_SELECTOR })).items).toEqual([]);
    }
    expect(await admin.get({ apiVersion: 'v1', kind: 'Namespace', name: 'grpc-conformance-infra' })).toBeUndefined();
  }, 120_000);

  it("passes the check with the README's ClusterRole (and stops at the next preflight step)", async () => {
    const kubeconfig = join(dir, 'granted.kubeconfig');
    await limitedIdentity(admin, planeOf(), 'grpcconf-granted', clusterRoleFor('grpcconf-granted'), kubeconfig);
    const run = await runCli(['--cluster=existing', '--kubeconfig', kubeconfig, '--report-dir', join(dir, 'reports-granted')]);
    expect(run.stderr).not.toContain('missing permission');
    expect(errorLines(run.stderr), run.stderr).toEqual([
      'error: GatewayClass "grpcroute-reference" does not exist; install the implementation under test or pass --gateway-class with an existing class',
    ]);
    expect(run.code).toBe(2);
  }, 120_000);
});
