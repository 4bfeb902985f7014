import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/index.ts';
import { startEmbeddedCluster } from '../src/index.ts';
import { createServingCertificate } from '../../kube-rest/serving-certificate.ts';
import { ApiClient } from './support/api-client.ts';
import { converge } from './support/converge.ts';
import { echoContext } from './support/echo-client.ts';
import { echoDeployment, namespace, service } from './support/objects.ts';

let cluster: EmbeddedCluster;
let api: ApiClient;

beforeAll(async () => {
  cluster = await startEmbeddedCluster();
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace('wl'));
});

afterAll(async () => {
  api.close();
  await cluster.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function readyPods(ns: string, app: string, count: number): Promise<Json[]> {
  return converge(
    `${count} running pods of ${app}`,
    async () => (await api.get(`/api/v1/namespaces/${ns}/pods?labelSelector=app%3D${app}`)).body.items as Json[],
    (pods) => pods.length === count && pods.every((p) => p.status.phase === 'Running' && p.status.podIP),
  );
}

async function slicesOf(ns: string, svc: string): Promise<Json[]> {
  return (await api.get(`/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3D${svc}`)).body.items;
}

function refusesConnections(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('workload runner', () => {
  it('runs each replica of an echo Deployment as its own pod that answers with its own name', async () => {
    await api.post('/apis/apps/v1/namespaces/wl/deployments', echoDeployment('wl', 'echo', 2));
    const pods = await readyPods('wl', 'echo', 2);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^echo-[0-9a-f]{10}-[a-z0-9]{5}$/);
      expect(pod.metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', name: 'echo', controller: true });
      expect(pod.status.podIP).toMatch(/^127\.1\.\d+\.\d+$/);
      expect(pod.status.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));
      expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, state: { running: expect.any(Object) } });
      expect(await echoContext(`${pod.status.podIP}:3000`)).toMatchObject({ pod: pod.metadata.name, namespace: 'wl' });
    }
    const deployment = await converge(
      'deployment status',
      async () => (await api.get('/apis/apps/v1/namespaces/wl/deployments/echo')).body,
      (d) => d.status?.readyReplicas === 2,
    );
    expect(deployment.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, observedGeneration: 1 });
  });

  it('keeps an EndpointSlice per Service with ready endpoints and the resolved target port', async () => {
    await api.post('/api/v1/namespaces/wl/services', service('wl', 'echo', { app: 'echo' }));
    const pods = await readyPods('wl', 'echo', 2);
    const [slice] = await converge('endpoint slice', () => slicesOf('wl', 'echo'), (s) => s.length === 1 && s[0].endpoints.length === 2);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'grpc', port: 3000, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }]);
    expect(slice.endpoints.map((e: Json) => e.addresses[0]).sort()).toEqual(pods.map((p) => p.status.podIP).sort());
    expect(slice.endpoints.every((e: Json) => e.conditions.ready === true && e.targetRef.kind === 'Pod')).toBe(true);
    const svc = (await api.get('/api/v1/namespaces/wl/services/echo')).body;
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/);
  });

  it('serves each pod log from the echo server', async () => {
    const [pod] = await readyPods('wl', 'echo', 2);
    await echoContext(`${pod.status.podIP}:3000`);
    const log = await converge('pod log', async () => (await api.get(`/api/v1/namespaces/wl/pods/${pod.metadata.name}/log?tailLines=1`)), (r) => r.text.length > 0);
    expect(log.contentType).toMatch(/^text\/plain/);
    expect(log.text.trim().split('\n')).toHaveLength(1);
  });

  it('scales down and up, updating pods, slices and status', async () => {
    const before = await readyPods('wl', 'echo', 2);
    await api.patch('/apis/apps/v1/namespaces/wl/deployments/echo', { spec: { replicas: 1 } }, 'application/merge-patch+json');
    const [kept] = await readyPods('wl', 'echo', 1);
    const gone = before.find((p) => p.metadata.name !== kept.metadata.name)!;
    await converge('slice shrinks', () => slicesOf('wl', 'echo'), (s) => s[0]?.endpoints.length === 1);
    await converge('removed pod stops listening', () => refusesConnections(gone.status.podIP, 3000), (refused) => refused);
    await api.patch('/apis/apps/v1/namespaces/wl/deployments/echo', { spec: { replicas: 3 } }, 'application/merge-patch+json');
    await readyPods('wl', 'echo', 3);
    await converge('slice grows', () => slicesOf('wl', 'echo'), (s) => s[0]?.endpoints.length === 3);
  });

  it('follows a Service selector change', async () => {
    await api.post('/apis/apps/v1/namespaces/wl/deployments', echoDeployment('wl', 'other', 1));
    const [otherPod] = await readyPods('wl', 'other', 1);
    await api.patch('/api/v1/namespaces/wl/services/echo', { spec: { selector: { app: 'other' } } }, 'application/merge-patch+json');
    const [slice] = await converge('slice follows selector', () => slicesOf('wl', 'echo'), (s) => s[0]?.endpoints.length === 1 && s[0].endpoints[0].addresses[0] === otherPod.status.podIP);
    expect(slice.endpoints[0].targetRef.name).toBe(otherPod.metadata.name);
  });

  it('keeps pods of other images Pending with a reason', async () => {
    await api.post('/apis/apps/v1/namespaces/wl/deployments', echoDeployment('wl', 'nginx', 1, [], 'nginx:1.27'));
    const [pod] = await converge(
      'pending pod',
      async () => (await api.get('/api/v1/namespaces/wl/pods?labelSelector=app%3Dnginx')).body.items as Json[],
      (pods) => pods.length === 1 && pods[0].status.containerStatuses !== undefined,
    );
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.podIP).toBeUndefined();
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe('ImagePullBackOff');
    expect(pod.status.containerStatuses[0].state.waiting.message).toMatch(/only runs the echo server image/);
  });

  it('serves TLS on 8443 from a mounted Secret once the Secret exists', async () => {
    const cert = await createServingCertificate('tls-echo.example');
    const deployment = echoDeployment('wl', 'tls', 1, [
      { name: 'TLS_SERVER_CERT', value: '/etc/server-certs/crt' },
      { name: 'TLS_SERVER_PRIV_KEY', value: '/etc/server-certs/key' },
    ]);
    const podSpec = deployment.spec.template.spec as Json;
    podSpec.containers[0].volumeMounts = [{ name: 'certs', mountPath: '/etc/server-certs', readOnly: true }];
    podSpec.volumes = [{ name: 'certs', secret: { secretName: 'tls-cert', items: [{ key: 'tls.crt', path: 'crt' }, { key: 'tls.key', path: 'key' }] } }];
    await api.post('/apis/apps/v1/namespaces/wl/deployments', deployment);
    const waiting = await converge(
      'pod waits for its secret',
      async () => (await api.get('/api/v1/namespaces/wl/pods?labelSelector=app%3Dtls')).body.items as Json[],
      (pods) => pods[0]?.status.containerStatuses?.[0]?.state.waiting?.reason === 'ContainerCreating',
    );
    expect(waiting[0].status.containerStatuses[0].state.waiting.message).toMatch(/secret "tls-cert" not found/);
    await api.post('/api/v1/namespaces/wl/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls-cert', namespace: 'wl' },
      type: 'kubernetes.io/tls',
      stringData: { 'tls.crt': cert.certPem, 'tls.key': cert.keyPem },
    });
    const [pod] = await readyPods('wl', 'tls', 1);
    const subject = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect({ host: pod.status.podIP, port: 8443, ca: cert.certPem, servername: 'tls-echo.example', ALPNProtocols: ['h2'] }, () => {
        const cn = socket.getPeerCertificate().subject.CN;
        socket.destroy();
        resolve(String(cn));
      });
      socket.once('error', reject);
    });
    expect(subject).toBe('embedded-cluster');
    expect(await echoContext(`${pod.status.podIP}:3000`)).toMatchObject({ pod: pod.metadata.name });
  });

  it('stops the pods of a deleted Deployment', async () => {
    const [pod] = await readyPods('wl', 'other', 1);
    await api.delete('/apis/apps/v1/namespaces/wl/deployments/other');
    await converge('pods deleted', async () => (await api.get('/api/v1/namespaces/wl/pods?labelSelector=app%3Dother')).body.items, (items: Json[]) => items.length === 0);
    await converge('pod stops listening', () => refusesConnections(pod.status.podIP, 3000), (refused) => refused);
  });
});
