import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_KEEP, LABEL_MANAGED_BY, LABEL_RUN_ID, LABEL_TEST, MANAGED_BY_VALUE } from '../../harness/kube/labels.ts';
import { prepareRun } from '../../harness/run/prepare-run.ts';
import { sweepDeadRuns } from '../../harness/run/sweep.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from '../kube/embedded-fixture.ts';
import { existingClusterConfig } from './run-config.ts';

let cluster: EmbeddedForTest;
beforeAll(async () => {
  cluster = await startEmbeddedForTest();
});
afterAll(async () => {
  await cluster?.environment.stop();
});

const labels = (runId: string, extra: Record<string, string> = {}) => ({ [LABEL_MANAGED_BY]: MANAGED_BY_VALUE, [LABEL_RUN_ID]: runId, ...extra });

describe('sweep', () => {
  it('deletes what dead runs left (namespaces and stray objects) and spares kept objects and our own', async () => {
    const { client } = cluster;
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old-run', labels: labels('r-old') } });
    await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'in-old-run', namespace: 'old-run', labels: labels('r-old') }, data: {} });
    await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'stray', namespace: 'default', labels: labels('r-old') }, data: {} });
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kept-run', labels: labels('r-kept', { [LABEL_KEEP]: 'true' }) } });
    await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ours', namespace: 'default', labels: labels('r-now') }, data: {} });
    const lines: string[] = [];

    const swept = await sweepDeadRuns(client, 'r-now', 10_000, (l) => lines.push(l));

    expect(swept).toBe(2);
    expect(lines.join('\n')).toContain('r-old');
    expect(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'old-run' })).toBeUndefined();
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'in-old-run', namespace: 'old-run' })).toBeUndefined();
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'stray', namespace: 'default' })).toBeUndefined();
    expect(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'kept-run' })).toBeDefined();
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'ours', namespace: 'default' })).toBeDefined();
    await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'kept-run' });
    await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'ours', namespace: 'default' });
  });
});

describe('prepareRun on an existing cluster', () => {
  it('applies certificates and base fixtures, waits for them, reports facts, and teardown removes everything', async () => {
    const { client } = cluster;
    const config = existingClusterConfig({ kubeconfig: cluster.environment.kubeconfigPath, runId: 'r-full', exemptFeatures: ['GatewayPort8080'] });
    const run = await prepareRun(config, () => {});
    const { facts } = run;
    expect(facts).toMatchObject({
      runId: 'r-full',
      gatewayClass: 'grpcroute-reference',
      controllerName: 'grpcroute-conformance.dev/reference-gateway',
      // The embedded cluster's CRDs are of the default release.
      gatewayAPIVersion: 'v1.7.0',
      gatewayAPIChannel: 'standard',
      featureSource: 'inferred',
      context: 'embedded',
      dial: { lowPortOffset: 0 },
    });
    expect(facts.supportedFeatures).toContain('GRPCRoute');
    expect(facts.supportedFeatures).not.toContain('GatewayPort8080');
    expect(facts.certificates.caPem).toContain('BEGIN CERTIFICATE');

    const secret = await client.get({ apiVersion: 'v1', kind: 'Secret', name: 'tls-checks-certificate', namespace: facts.namespaces.infra });
    expect(secret?.metadata.labels).toMatchObject({ [LABEL_RUN_ID]: 'r-full', [LABEL_TEST]: 'base' });
    const pods = await client.list('v1', 'Pod', { namespace: facts.namespaces.infra, labelSelector: 'app=grpc-infra-backend-v1' });
    expect(pods.items).toHaveLength(2);

    await run.teardown();
    for (const name of Object.values(facts.namespaces)) {
      expect(await client.get({ apiVersion: 'v1', kind: 'Namespace', name })).toBeUndefined();
    }
  });
});
