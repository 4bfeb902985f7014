import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { ApiClient } from './support/api-client.ts';
import { echoDeployment, grpcRoute, namespace } from './support/objects.ts';

let cluster: EmbeddedCluster;
let api: ApiClient;
const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/p/grpcroutes';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/p/deployments';

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace('p'));
});

afterAll(async () => {
  api.close();
  await cluster.stop();
});

describe('patch', () => {
  it('applies a JSON merge patch (null deletes, lists replace)', async () => {
    await api.post(ROUTES, { ...grpcRoute('p', 'merge'), metadata: { name: 'merge', namespace: 'p', labels: { a: '1', b: '2' } } });
    const res = await api.patch(`${ROUTES}/merge`, { metadata: { labels: { a: null, c: '3' } }, spec: { hostnames: ['m.example.com'] } }, 'application/merge-patch+json');
    expect(res.status).toBe(200);
    expect(res.body.metadata.labels).toEqual({ b: '2', c: '3' });
    expect(res.body.spec.hostnames).toEqual(['m.example.com']);
  });

  it('applies a JSON patch (add, replace, remove, test)', async () => {
    await api.post(ROUTES, grpcRoute('p', 'json'));
    const ops = [
      { op: 'add', path: '/spec/hostnames', value: ['j.example.com'] },
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/port', value: 9090 },
      { op: 'test', path: '/spec/rules/0/backendRefs/0/name', value: 'echo' },
      { op: 'remove', path: '/spec/rules/0/matches/0/method/method' },
    ];
    const res = await api.patch(`${ROUTES}/json`, ops, 'application/json-patch+json');
    expect(res.status).toBe(200);
    expect(res.body.spec.hostnames).toEqual(['j.example.com']);
    expect(res.body.spec.rules[0].backendRefs[0].port).toBe(9090);
    expect(res.body.spec.rules[0].matches[0].method.method).toBeUndefined();
    const failedTest = await api.patch(`${ROUTES}/json`, [{ op: 'test', path: '/spec/hostnames/0', value: 'other' }], 'application/json-patch+json');
    expect(failedTest.status).toBe(422);
  });

  it('applies a strategic merge patch merging containers and env by name', async () => {
    await api.post(DEPLOYMENTS, echoDeployment('p', 'smp', 1, [{ name: 'A', value: '1' }]));
    const patch = {
      spec: {
        template: {
          spec: {
            containers: [{ name: 'echo', env: [{ name: 'A', value: '2' }, { name: 'B', value: '3' }] }],
          },
        },
      },
    };
    const res = await api.patch(`${DEPLOYMENTS}/smp`, patch, 'application/strategic-merge-patch+json');
    expect(res.status).toBe(200);
    const container = res.body.spec.template.spec.containers[0];
    expect(container.image).toMatch(/echo-server/);
    expect(container.env.map((e: { name: string; value?: string }) => `${e.name}=${e.value ?? '(from)'}`)).toEqual([
      'POD_NAME=(from)',
      'NAMESPACE=(from)',
      'A=2',
      'B=3',
    ]);
    const removed = await api.patch(`${DEPLOYMENTS}/smp`, { spec: { template: { spec: { containers: [{ name: 'echo', env: [{ name: 'B', $patch: 'delete' }] }] } } } }, 'application/strategic-merge-patch+json');
    expect(removed.body.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name)).toEqual(['POD_NAME', 'NAMESPACE', 'A']);
  });

  it('server-side applies: creates when absent, merges when present', async () => {
    const yaml = [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: GRPCRoute',
      'metadata:',
      '  name: applied',
      '  namespace: p',
      'spec:',
      '  parentRefs:',
      '  - name: gw',
    ].join('\n');
    const created = await api.send('PATCH', `${ROUTES}/applied?fieldManager=test&force=true`, yaml, 'application/apply-patch+yaml');
    expect(created.status).toBe(201);
    expect(created.body.spec.parentRefs[0].kind).toBe('Gateway');
    const updated = await api.send('PATCH', `${ROUTES}/applied?fieldManager=test`, `${yaml}\n  hostnames:\n  - s.example.com`, 'application/apply-patch+yaml');
    expect(updated.status).toBe(200);
    expect(updated.body.spec.hostnames).toEqual(['s.example.com']);
    expect(updated.body.metadata.generation).toBe(2);
    const noManager = await api.send('PATCH', `${ROUTES}/applied`, yaml, 'application/apply-patch+yaml');
    expect(noManager.status).toBe(400);
  });

  it('refuses a patch carrying a stale resourceVersion with 409, and an unknown patch type with 415', async () => {
    const created = (await api.post(ROUTES, grpcRoute('p', 'cas'))).body;
    await api.patch(`${ROUTES}/cas`, { spec: { hostnames: ['a.example.com'] } }, 'application/merge-patch+json');
    const stale = await api.patch(`${ROUTES}/cas`, { metadata: { resourceVersion: created.metadata.resourceVersion }, spec: { hostnames: ['b.example.com'] } }, 'application/merge-patch+json');
    expect(stale.status).toBe(409);
    expect((await api.patch(`${ROUTES}/cas`, {}, 'text/plain')).status).toBe(415);
  });

  it('patches /status without touching spec or generation', async () => {
    await api.post(ROUTES, grpcRoute('p', 'st'));
    const res = await api.patch(`${ROUTES}/st/status`, { spec: { hostnames: ['no.example.com'] }, status: { parents: [] } }, 'application/merge-patch+json');
    expect(res.body.status).toEqual({ parents: [] });
    expect(res.body.spec.hostnames).toBeUndefined();
    expect(res.body.metadata.generation).toBe(1);
  });

  it('validates patched objects', async () => {
    await api.post(ROUTES, grpcRoute('p', 'v'));
    const res = await api.patch(`${ROUTES}/v`, [{ op: 'replace', path: '/spec/rules/0/matches/0/method', value: {} }], 'application/json-patch+json');
    expect(res.status).toBe(422);
    expect(res.body.details.causes[0].field).toBe('spec.rules[0].matches[0].method');
  });
});
