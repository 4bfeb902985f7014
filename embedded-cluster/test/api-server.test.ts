import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { ApiClient } from './support/api-client.ts';
import { configMap, grpcRoute, namespace } from './support/objects.ts';

let cluster: EmbeddedCluster;
let api: ApiClient;

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace('app'));
});

afterAll(async () => {
  api.close();
  await cluster.stop();
});

describe('authentication and discovery', () => {
  it('refuses requests without the bearer token with a 401 Status', async () => {
    const res = await api.withToken('').get('/api/v1/namespaces');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401 });
    expect((await api.withToken('wrong').get('/api')).status).toBe(401);
  });

  it('writes a kubeconfig with the URL, the token and the embedded context', async () => {
    const config = parse(await readFile(cluster.kubeconfigPath, 'utf8'));
    expect(config['current-context']).toBe('embedded');
    expect(config.clusters[0].cluster.server).toBe(cluster.url);
    expect(config.users[0].user.token).toBe(cluster.token);
  });

  it('lists groups and resources with verbs, scope and short names', async () => {
    const core = (await api.get('/api/v1')).body;
    expect(core.resources).toContainEqual(expect.objectContaining({ name: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'] }));
    expect(core.resources).toContainEqual(expect.objectContaining({ name: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'] }));
    expect(core.resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['pods/log', 'pods/status']));
    const groups = (await api.get('/apis')).body.groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['apps', 'discovery.k8s.io', 'gateway.networking.k8s.io', 'apiextensions.k8s.io']));
    const gw = (await api.get('/apis/gateway.networking.k8s.io/v1')).body;
    expect(gw.resources).toContainEqual(expect.objectContaining({ name: 'gatewayclasses', namespaced: false, verbs: expect.arrayContaining(['watch', 'patch']) }));
  });

  it('serves CRDs carrying the bundle version and channel annotations', async () => {
    const crd = (await api.get('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/grpcroutes.gateway.networking.k8s.io')).body;
    expect(crd.metadata.annotations).toEqual({
      'gateway.networking.k8s.io/bundle-version': 'v1.6.1',
      'gateway.networking.k8s.io/channel': 'standard',
    });
  });
});

describe('errors', () => {
  it('answers 404 with a Status for unknown resources and groups', async () => {
    for (const path of ['/apis/example.com/v1/things', '/api/v1/namespaces/app/widgets', '/apis/gateway.networking.k8s.io/v1/tcproutes', '/nope']) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404 });
    }
  });

  it('answers 404 NotFound with details for a missing object', async () => {
    const res = await api.get('/apis/gateway.networking.k8s.io/v1/namespaces/app/grpcroutes/missing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'grpcroutes.gateway.networking.k8s.io "missing" not found',
      reason: 'NotFound',
      details: { name: 'missing', group: 'gateway.networking.k8s.io', kind: 'grpcroutes' },
      code: 404,
    });
  });

  it('answers 409 AlreadyExists, 400 BadRequest and 404 for a missing namespace', async () => {
    expect((await api.post('/api/v1/namespaces/app/configmaps', configMap('app', 'dup'))).status).toBe(201);
    const again = await api.post('/api/v1/namespaces/app/configmaps', configMap('app', 'dup'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "dup" already exists' });
    const mismatch = await api.post('/api/v1/namespaces/app/configmaps', configMap('other', 'x'));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.reason).toBe('BadRequest');
    const noNs = await api.post('/api/v1/namespaces/ghost/configmaps', configMap('ghost', 'x'));
    expect(noNs.status).toBe(404);
    expect(noNs.body.message).toBe('namespaces "ghost" not found');
  });

  it('answers 422 Invalid naming each field for an invalid GRPCRoute', async () => {
    const bad = grpcRoute('app', 'bad');
    bad.spec.rules[0]!.matches = [{ method: {} as never, headers: [{ name: '', value: 'x' }] } as never];
    const res = await api.post('/apis/gateway.networking.k8s.io/v1/namespaces/app/grpcroutes', bad);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422, details: { name: 'bad', group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' } });
    expect(res.body.message).toMatch(/^GRPCRoute\.gateway\.networking\.k8s\.io "bad" is invalid: \[/);
    const fields = res.body.details.causes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['spec.rules[0].matches[0].method', 'spec.rules[0].matches[0].headers[0].name']));
  });
});

describe('objects', () => {
  it('sets uid, creationTimestamp, generation and a growing resourceVersion; honours generateName', async () => {
    const a = (await api.post('/api/v1/namespaces/app/configmaps', { metadata: { generateName: 'gen-' } })).body;
    const b = (await api.post('/api/v1/namespaces/app/configmaps', { metadata: { generateName: 'gen-' } })).body;
    expect(a.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(a.metadata.generation).toBe(1);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  });

  it('applies the CRD defaults controllers rely on', async () => {
    const route = (await api.post('/apis/gateway.networking.k8s.io/v1/namespaces/app/grpcroutes', grpcRoute('app', 'defaults'))).body;
    expect(route.spec.parentRefs[0]).toMatchObject({ group: 'gateway.networking.k8s.io', kind: 'Gateway' });
    expect(route.spec.rules[0].matches[0].method.type).toBe('Exact');
    expect(route.spec.rules[0].backendRefs[0]).toMatchObject({ group: '', kind: 'Service', weight: 1 });
  });

  it('rejects an update carrying a stale resourceVersion with 409 Conflict', async () => {
    const created = (await api.post('/api/v1/namespaces/app/configmaps', configMap('app', 'cas', { a: '1' }))).body;
    const first = await api.put('/api/v1/namespaces/app/configmaps/cas', { ...created, data: { a: '2' } });
    expect(first.status).toBe(200);
    const stale = await api.put('/api/v1/namespaces/app/configmaps/cas', { ...created, data: { a: '3' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "cas": the object has been modified; please apply your changes to the latest version and try again',
    });
    expect((await api.get('/api/v1/namespaces/app/configmaps/cas')).body.data).toEqual({ a: '2' });
  });

  it('filters lists by label selectors (=, !=, in, notin, exists, !exists) and field selectors', async () => {
    await api.post('/api/v1/namespaces', namespace('sel'));
    await api.post('/api/v1/namespaces/sel/configmaps', configMap('sel', 'one', {}, { tier: 'a', color: 'red' }));
    await api.post('/api/v1/namespaces/sel/configmaps', configMap('sel', 'two', {}, { tier: 'b' }));
    await api.post('/api/v1/namespaces/sel/configmaps', configMap('sel', 'three', {}, { tier: 'c', color: 'blue' }));
    const names = async (query: string): Promise<string[]> =>
      (await api.get(`/api/v1/namespaces/sel/configmaps?${query}`)).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(await names('labelSelector=tier%3Da')).toEqual(['one']);
    expect(await names('labelSelector=tier!%3Da')).toEqual(['three', 'two']);
    expect(await names(`labelSelector=${encodeURIComponent('tier in (a,c)')}`)).toEqual(['one', 'three']);
    expect(await names(`labelSelector=${encodeURIComponent('tier notin (a,c)')}`)).toEqual(['two']);
    expect(await names('labelSelector=color')).toEqual(['one', 'three']);
    expect(await names('labelSelector=!color')).toEqual(['two']);
    expect(await names('labelSelector=color%2Ctier%3Dc')).toEqual(['three']);
    expect(await names('fieldSelector=metadata.name%3Dtwo')).toEqual(['two']);
    const all = (await api.get('/api/v1/configmaps?fieldSelector=metadata.namespace%3Dsel')).body;
    expect(all.kind).toBe('ConfigMapList');
    expect(all.items).toHaveLength(3);
  });

  it('serves ReferenceGrant at v1 and v1beta1 as the same object', async () => {
    const grant = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'grant', namespace: 'app' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'other' }], to: [{ group: '', kind: 'Service' }] },
    };
    expect((await api.post('/apis/gateway.networking.k8s.io/v1beta1/namespaces/app/referencegrants', grant)).status).toBe(201);
    const v1 = (await api.get('/apis/gateway.networking.k8s.io/v1/namespaces/app/referencegrants/grant')).body;
    expect(v1.apiVersion).toBe('gateway.networking.k8s.io/v1');
    const beta = (await api.get('/apis/gateway.networking.k8s.io/v1beta1/namespaces/app/referencegrants/grant')).body;
    expect(beta.apiVersion).toBe('gateway.networking.k8s.io/v1beta1');
    expect(beta.metadata.uid).toBe(v1.metadata.uid);
  });

  it('counts requests by verb', async () => {
    const before = cluster.stats();
    await api.get('/api/v1/namespaces/app/configmaps');
    await api.get('/api/v1/namespaces/app/configmaps/cas');
    const after = cluster.stats();
    expect(after.byVerb.list).toBe((before.byVerb.list ?? 0) + 1);
    expect(after.byVerb.get).toBe((before.byVerb.get ?? 0) + 1);
    expect(after.total).toBe(before.total + 2);
  });
});

describe('disabled kinds', () => {
  it('answers 404 and leaves them out of discovery and the CRD list', async () => {
    const small = await startEmbeddedCluster({ workloads: false, disabledKinds: ['GRPCRoute'] });
    const client = new ApiClient(small);
    try {
      expect((await client.get('/apis/gateway.networking.k8s.io/v1/namespaces/default/grpcroutes')).status).toBe(404);
      expect((await client.get('/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes')).status).toBe(200);
      const resources = (await client.get('/apis/gateway.networking.k8s.io/v1')).body.resources.map((r: { name: string }) => r.name);
      expect(resources).not.toContain('grpcroutes');
      const crds = (await client.get('/apis/apiextensions.k8s.io/v1/customresourcedefinitions')).body.items.map((c: { metadata: { name: string } }) => c.metadata.name);
      expect(crds).not.toContain('grpcroutes.gateway.networking.k8s.io');
      expect(crds).toContain('httproutes.gateway.networking.k8s.io');
    } finally {
      client.close();
      await small.stop();
    }
  });

  it('can leave out the whole Gateway API group', async () => {
    const bare = await startEmbeddedCluster({ workloads: false, disabledKinds: ['*.gateway.networking.k8s.io'] });
    const client = new ApiClient(bare);
    try {
      expect((await client.get('/apis/gateway.networking.k8s.io/v1')).status).toBe(404);
      const groups = (await client.get('/apis')).body.groups.map((g: { name: string }) => g.name);
      expect(groups).not.toContain('gateway.networking.k8s.io');
      expect((await client.get('/apis/apiextensions.k8s.io/v1/customresourcedefinitions')).body.items).toEqual([]);
    } finally {
      client.close();
      await bare.stop();
    }
  });
});
