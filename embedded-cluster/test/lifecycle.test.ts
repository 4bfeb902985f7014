import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { ApiClient } from './support/api-client.ts';
import { configMap, grpcRoute, namespace } from './support/objects.ts';

let cluster: EmbeddedCluster;
let api: ApiClient;
const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/life/grpcroutes';

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace('life'));
});

afterAll(async () => {
  api.close();
  await cluster.stop();
});

describe('generation and status', () => {
  it('bumps generation on spec changes only, never on status or metadata writes', async () => {
    const created = (await api.post(ROUTES, grpcRoute('life', 'gen'))).body;
    expect(created.metadata.generation).toBe(1);

    const status = { parents: [{ parentRef: { name: 'gw' }, controllerName: 'example.com/c', conditions: [] }] };
    const afterStatus = (await api.put(`${ROUTES}/gen/status`, { ...created, status })).body;
    expect(afterStatus.metadata.generation).toBe(1);
    expect(afterStatus.status).toEqual(status);

    const labelled = (await api.patch(`${ROUTES}/gen`, { metadata: { labels: { a: 'b' } } }, 'application/merge-patch+json')).body;
    expect(labelled.metadata.generation).toBe(1);

    const respec = (await api.patch(`${ROUTES}/gen`, { spec: { hostnames: ['a.example.com'] } }, 'application/merge-patch+json')).body;
    expect(respec.metadata.generation).toBe(2);
    expect(respec.status).toEqual(status);
  });

  it('ignores status in writes to the main resource and spec in writes to /status', async () => {
    const created = (await api.post(ROUTES, { ...grpcRoute('life', 'split'), status: { parents: ['ignored'] } })).body;
    expect(created.status).toBeUndefined();
    const mainWrite = (await api.put(`${ROUTES}/split`, { ...created, status: { parents: [] } })).body;
    expect(mainWrite.status).toBeUndefined();
    const statusWrite = (await api.put(`${ROUTES}/split/status`, { ...created, spec: { hostnames: ['x.example.com'] }, status: { parents: [] } })).body;
    expect(statusWrite.spec.hostnames).toBeUndefined();
    expect(statusWrite.status).toEqual({ parents: [] });
    expect(statusWrite.metadata.generation).toBe(1);
  });

  it('gives a new Gateway the Pending status its CRD defaults to', async () => {
    const gw = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'life' },
      spec: { gatewayClassName: 'c', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
    };
    const created = (await api.post('/apis/gateway.networking.k8s.io/v1/namespaces/life/gateways', gw)).body;
    expect(created.status.conditions.map((c: { type: string; reason: string }) => `${c.type}:${c.reason}`)).toEqual(['Accepted:Pending', 'Programmed:Pending']);
    expect(created.spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
  });

  it('does not bump resourceVersion for a write that changes nothing', async () => {
    const created = (await api.post('/api/v1/namespaces/life/configmaps', configMap('life', 'same', { a: '1' }))).body;
    const again = (await api.put('/api/v1/namespaces/life/configmaps/same', created)).body;
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });
});

describe('namespace deletion', () => {
  it('turns the namespace Terminating, removes everything in it, then the namespace itself', async () => {
    await api.post('/api/v1/namespaces', namespace('doomed'));
    await api.post('/api/v1/namespaces/doomed/configmaps', configMap('doomed', 'cm'));
    await api.post('/apis/gateway.networking.k8s.io/v1/namespaces/doomed/grpcroutes', grpcRoute('doomed', 'r'));
    const listed = (await api.get('/api/v1/namespaces/doomed')).body;

    const watching = api.watch(
      `/api/v1/namespaces?watch=true&fieldSelector=metadata.name%3Ddoomed&resourceVersion=${listed.metadata.resourceVersion}`,
      (events) => events.some((e) => e.type === 'DELETED'),
    );
    const deleted = await api.delete('/api/v1/namespaces/doomed');
    expect(deleted.status).toBe(200);
    expect(deleted.body.status.phase).toBe('Terminating');
    expect(deleted.body.metadata.deletionTimestamp).toBeDefined();

    const events = await watching;
    expect(events.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect((await api.get('/api/v1/namespaces/doomed')).status).toBe(404);
    expect((await api.get('/api/v1/namespaces/doomed/configmaps')).body.items).toEqual([]);
    expect((await api.get('/apis/gateway.networking.k8s.io/v1/namespaces/doomed/grpcroutes')).body.items).toEqual([]);
  });

  it('refuses new objects in a terminating namespace with 403', async () => {
    await api.post('/api/v1/namespaces', namespace('closing'));
    await api.delete('/api/v1/namespaces/closing');
    const res = await api.post('/api/v1/namespaces/closing/configmaps', configMap('closing', 'late'));
    expect([403, 404]).toContain(res.status);
  });

  it('deletes single objects with a Success status', async () => {
    await api.post('/api/v1/namespaces/life/configmaps', configMap('life', 'bye'));
    const res = await api.delete('/api/v1/namespaces/life/configmaps/bye');
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'bye', kind: 'configmaps' } });
    expect((await api.delete('/api/v1/namespaces/life/configmaps/bye')).status).toBe(404);
  });
});
