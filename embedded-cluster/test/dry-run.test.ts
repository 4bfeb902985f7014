import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { ApiClient } from './support/api-client.ts';
import { grpcRoute, namespace } from './support/objects.ts';

let cluster: EmbeddedCluster;
let api: ApiClient;
const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/d/grpcroutes';

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace('d'));
});

afterAll(async () => {
  api.close();
  await cluster.stop();
});

// Answers as kube-apiserver v1.36 gives them (checked against it while writing test/differential).
describe('dryRun=All', () => {
  it('create: judged and answered with a uid but no resourceVersion, and not stored', async () => {
    const res = await api.post(`${ROUTES}?dryRun=All`, grpcRoute('d', 'dry'));
    expect(res.status).toBe(201);
    expect(res.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.metadata.creationTimestamp).toBeDefined();
    expect(res.body.metadata.resourceVersion).toBeUndefined();
    expect((await api.get(`${ROUTES}/dry`)).status).toBe(404);
  });

  it('create: an invalid object is refused the same as without dryRun', async () => {
    const route = grpcRoute('d', 'bad');
    const res = await api.post(`${ROUTES}?dryRun=All`, { ...route, spec: { ...route.spec, hostnames: ['Bad'] } });
    expect(res.status).toBe(422);
    expect(res.body.details.causes[0].field).toBe('spec.hostnames[0]');
  });

  it('update, patch and delete leave the stored object as it was', async () => {
    const created = (await api.post(ROUTES, grpcRoute('d', 'kept'))).body;
    const updated = await api.put(`${ROUTES}/kept?dryRun=All`, { ...created, spec: { ...created.spec, hostnames: ['u.example.com'] } });
    expect(updated.status).toBe(200);
    expect(updated.body.spec.hostnames).toEqual(['u.example.com']);
    const patched = await api.patch(`${ROUTES}/kept?dryRun=All`, { spec: { hostnames: ['p.example.com'] } }, 'application/merge-patch+json');
    expect(patched.body.spec.hostnames).toEqual(['p.example.com']);
    expect((await api.delete(`${ROUTES}/kept?dryRun=All`)).status).toBe(200);
    const stored = (await api.get(`${ROUTES}/kept`)).body;
    expect(stored.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(stored.spec.hostnames).toEqual(created.spec.hostnames);
  });

  it('refuses any other value as an invalid CreateOptions', async () => {
    const res = await api.post(`${ROUTES}?dryRun=Foo`, grpcRoute('d', 'foo'));
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["Foo"]: supported values: "All"');
    expect(res.body.details.causes).toEqual([{ reason: 'FieldValueNotSupported', message: 'Unsupported value: ["Foo"]: supported values: "All"', field: 'dryRun' }]);
  });
});
