import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKubeconfig } from '../../kube-rest/kubeconfig.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { ApiClient } from './support/api-client.ts';
import { ECHO_IMAGE, namespace } from './support/objects.ts';

// What a kubelet and a scheduler rely on, as a real API server serves it: nodes, pods/binding, graceful pod deletion.

let cluster: EmbeddedCluster;
let api: ApiClient;
let rest: KubeRestClient;
const PODS = '/api/v1/namespaces/plc/pods';

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  rest = new KubeRestClient(loadKubeconfig(cluster.kubeconfigPath));
  await api.post('/api/v1/namespaces', namespace('plc'));
});

afterAll(async () => {
  rest?.close();
  api?.close();
  await cluster?.stop();
});

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: ECHO_IMAGE }] } });
const binding = (name: string, node: string, uid?: string) => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name, ...(uid ? { uid } : {}) }, target: { apiVersion: 'v1', kind: 'Node', name: node } });

describe('pod lifecycle', () => {
  it('serves nodes as a cluster-scoped resource with status', async () => {
    const created = await api.post('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    expect(created.status).toBe(201);
    const status = { conditions: [{ type: 'Ready', status: 'True' }] };
    const written = await api.patch('/api/v1/nodes/n1/status', { status }, 'application/merge-patch+json');
    expect(written.body.status).toEqual(status);
    expect((await api.get('/api/v1/nodes')).body.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toContain('n1');
  });

  it('binds a pod once through pods/binding, recording PodScheduled', async () => {
    const created = (await api.post(PODS, pod('b1'))).body;
    expect((await api.post(`${PODS}/b1/binding`, binding('b1', 'n1', 'not-this-uid'))).status).toBe(409);
    const bound = await api.post(`${PODS}/b1/binding`, binding('b1', 'n1', created.metadata.uid));
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ kind: 'Status', status: 'Success' });
    const after = (await api.get(`${PODS}/b1`)).body;
    expect(after.spec.nodeName).toBe('n1');
    expect(after.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
    const again = await api.post(`${PODS}/b1/binding`, binding('b1', 'n2'));
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already assigned to node "n1"/);
  });

  it('deletes a bound pod gracefully: it stays, marked, until deleted again with grace 0 and the right uid', async () => {
    const uid = (await api.get(`${PODS}/b1`)).body.metadata.uid;
    const marked = await api.delete(`${PODS}/b1`);
    expect(marked.status).toBe(200);
    expect(marked.body.metadata.deletionTimestamp).toBeDefined();
    expect(marked.body.metadata.deletionGracePeriodSeconds).toBe(30);
    expect((await api.get(`${PODS}/b1`)).status).toBe(200);
    const wrongUid = rest.delete(`${PODS}/b1`, { gracePeriodSeconds: 0, preconditions: { uid: 'someone-else' } });
    await expect(wrongUid).rejects.toMatchObject({ status: 409 });
    await rest.delete(`${PODS}/b1`, { gracePeriodSeconds: 0, preconditions: { uid } });
    expect((await api.get(`${PODS}/b1`)).status).toBe(404);
  });

  it('deletes an unbound pod at once, as no kubelet has to confirm', async () => {
    await api.post(PODS, pod('u1'));
    const deleted = await api.delete(`${PODS}/u1`);
    expect(deleted.body).toMatchObject({ kind: 'Status', status: 'Success' });
    expect((await api.get(`${PODS}/u1`)).status).toBe(404);
  });
});
