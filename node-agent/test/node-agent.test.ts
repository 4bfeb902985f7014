import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../../embedded-cluster/src/index.ts';
import { startEmbeddedCluster } from '../../embedded-cluster/src/index.ts';
import { createServingCertificate } from '../../kube-rest/serving-certificate.ts';
import { ApiClient } from '../../embedded-cluster/test/support/api-client.ts';
import { converge } from '../../embedded-cluster/test/support/converge.ts';
import { echoContext } from '../../embedded-cluster/test/support/echo-client.ts';
import { ECHO_IMAGE, namespace } from '../../embedded-cluster/test/support/objects.ts';
import { loadKubeconfig } from '../../kube-rest/kubeconfig.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import type { NodeAgent } from '../src/index.ts';
import { startNodeAgent } from '../src/index.ts';

// The agent against an embedded API server that runs no workloads of its own, reached only over REST.

const NODE = 'agent-test-node';
const NODE_ADDRESS = '127.0.0.1';
const POD_CIDR = '127.1.240.0/22';
const NS = 'agent';

let cluster: EmbeddedCluster;
let api: ApiClient;
let agent: NodeAgent;
const agentLog: string[] = [];

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  api = new ApiClient(cluster);
  await api.post('/api/v1/namespaces', namespace(NS));
  agent = await startNodeAgent({ kubeconfigPath: cluster.kubeconfigPath, nodeName: NODE, nodeAddress: NODE_ADDRESS, podAddresses: POD_CIDR, log: (line) => agentLog.push(line) });
});

afterAll(async () => {
  await agent?.stop();
  api?.close();
  await cluster?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function pod(name: string, spec: Record<string, unknown> = {}, image = ECHO_IMAGE): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: { app: name } },
    spec: {
      containers: [
        {
          name: 'echo',
          image,
          env: [
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          ],
        },
      ],
      ...spec,
    },
  };
}

async function podNamed(name: string, good: (p: Json) => boolean, what = `pod ${name}`): Promise<Json> {
  return converge(what, async () => (await api.get(`/api/v1/namespaces/${NS}/pods/${name}`)).body, (p) => p !== undefined && good(p), { consecutive: 1 });
}

function refusesConnections(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

function inPodCidr(ip: string): boolean {
  const [a, b, c] = ip.split('.').map(Number);
  return a === 127 && b === 1 && c! >= 240 && c! <= 243;
}

describe('node agent', () => {
  it('registers a Ready Node with its InternalIP, hostname and capacity', async () => {
    const node = (await api.get(`/api/v1/nodes/${NODE}`)).body;
    expect(node.status.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True', reason: 'KubeletReady' }));
    expect(node.status.addresses).toEqual([
      { type: 'InternalIP', address: NODE_ADDRESS },
      { type: 'Hostname', address: NODE },
    ]);
    expect(Object.keys(node.status.capacity).sort()).toEqual(['cpu', 'memory', 'pods']);
    expect(node.status.allocatable).toEqual(node.status.capacity);
  });

  it('puts its Node back to Ready when something else marks it otherwise', async () => {
    const notReady = { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }] };
    await api.patch(`/api/v1/nodes/${NODE}/status`, { status: notReady }, 'application/merge-patch+json');
    await converge(
      'node Ready again',
      async () => (await api.get(`/api/v1/nodes/${NODE}`)).body.status.conditions,
      (conditions: { type: string; status: string }[]) => conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
      { consecutive: 1 },
    );
  });

  it('binds an unscheduled echo pod to its node and reports it Running with a consistent status once it serves', async () => {
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('bare'));
    const running = await podNamed('bare', (p) => p.status?.phase === 'Running');
    expect(running.spec.nodeName).toBe(NODE);
    const { status } = running;
    expect(inPodCidr(status.podIP)).toBe(true);
    expect(status.podIPs).toEqual([{ ip: status.podIP }]);
    expect(status.hostIP).toBe(NODE_ADDRESS);
    expect(status.hostIPs).toEqual([{ ip: NODE_ADDRESS }]);
    expect(status.startTime).toMatch(/Z$/);
    for (const type of ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready']) {
      expect(status.conditions).toContainEqual(expect.objectContaining({ type, status: 'True', lastTransitionTime: expect.stringMatching(/Z$/) }));
    }
    expect(status.containerStatuses).toEqual([
      expect.objectContaining({ name: 'echo', image: ECHO_IMAGE, imageID: expect.any(String), containerID: expect.any(String), ready: true, started: true, restartCount: 0, state: { running: { startedAt: expect.any(String) } } }),
    ]);
    expect(status.qosClass).toBe('BestEffort');
    expect(await echoContext(`${status.podIP}:3000`)).toMatchObject({ pod: 'bare', namespace: NS });
    expect(agent.linesOf(NS, 'bare')?.length).toBeGreaterThan(0);
  });

  it('leaves pods for another scheduler unbound', async () => {
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('elsewhere', { schedulerName: 'other-scheduler' }));
    // The watch delivers 'elsewhere' first and the agent decides about it without any request, so by the
    // time the next pod is bound and running, 'elsewhere' has long been looked at.
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('after-elsewhere'));
    await podNamed('after-elsewhere', (p) => p.status?.phase === 'Running');
    const untouched = (await api.get(`/api/v1/namespaces/${NS}/pods/elsewhere`)).body;
    expect(untouched.spec.nodeName).toBeUndefined();
    expect(untouched.status.phase).toBe('Pending');
  });

  it('says why it cannot run an image, in the container status and in a Warning Event', async () => {
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('nginx', {}, 'nginx:1.27'));
    const waiting = await podNamed('nginx', (p) => p.status?.containerStatuses?.[0]?.state?.waiting !== undefined);
    expect(waiting.status.phase).toBe('Pending');
    expect(waiting.status.podIP).toBeUndefined();
    expect(waiting.status.containerStatuses[0].state.waiting).toMatchObject({ reason: 'ImagePullBackOff', message: expect.stringMatching(/^Back-off pulling image "nginx:1\.27": this node agent only runs the echo server image/) });
    const events = await converge(
      'warning event',
      async () => ((await api.get(`/api/v1/namespaces/${NS}/events`)).body.items as Json[]).filter((e) => e.involvedObject.name === 'nginx'),
      (list) => list.length > 0,
      { consecutive: 1 },
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'Warning',
      reason: 'BackOff',
      involvedObject: { kind: 'Pod', name: 'nginx', namespace: NS, uid: waiting.metadata.uid },
      source: { component: 'grpcroute-node-agent', host: NODE },
    });
  });

  it('runs a TLS pod from its Secret volume and ignores the projected token volume no file reads from', async () => {
    const spec = pod('tls').spec;
    spec.containers[0].env.push({ name: 'TLS_SERVER_CERT', value: '/etc/certs/tls.crt' }, { name: 'TLS_SERVER_PRIV_KEY', value: '/etc/certs/tls.key' });
    spec.containers[0].volumeMounts = [
      { name: 'certs', mountPath: '/etc/certs', readOnly: true },
      { name: 'kube-api-access-x1y2z', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ];
    spec.volumes = [
      { name: 'certs', secret: { secretName: 'tls-for-agent' } },
      { name: 'kube-api-access-x1y2z', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } },
    ];
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('tls', spec));
    const waiting = await podNamed('tls', (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ContainerCreating');
    expect(waiting.status.containerStatuses[0].state.waiting.message).toMatch(/secret "tls-for-agent" not found/);
    const cert = await createServingCertificate('tls.agent.example');
    await api.post(`/api/v1/namespaces/${NS}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls-for-agent', namespace: NS },
      type: 'kubernetes.io/tls',
      stringData: { 'tls.crt': cert.certPem, 'tls.key': cert.keyPem },
    });
    const running = await podNamed('tls', (p) => p.status?.phase === 'Running');
    expect(running.status.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));
  });

  it('finalizes a graceful deletion: stops the server, then deletes the pod for good', async () => {
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('doomed'));
    const running = await podNamed('doomed', (p) => p.status?.phase === 'Running');
    const marked = await api.delete(`/api/v1/namespaces/${NS}/pods/doomed`);
    expect(marked.status).toBe(200);
    expect(marked.body.metadata.deletionTimestamp).toBeDefined();
    await converge('pod gone', async () => (await api.get(`/api/v1/namespaces/${NS}/pods/doomed`)).status, (code) => code === 404, { consecutive: 1 });
    expect(await refusesConnections(running.status.podIP, 3000)).toBe(true);
    expect(agent.linesOf(NS, 'doomed')).toBeUndefined();
  });

  it('stops the server of a pod deleted at once (a plain DELETED event)', async () => {
    await api.post(`/api/v1/namespaces/${NS}/pods`, pod('instant'));
    const running = await podNamed('instant', (p) => p.status?.phase === 'Running');
    // The test ApiClient sends no content-length on DELETE, so the body goes through the shared REST client.
    const rest = new KubeRestClient(loadKubeconfig(cluster.kubeconfigPath));
    const deleted = await rest.delete(`/api/v1/namespaces/${NS}/pods/instant`, { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0 });
    rest.close();
    expect(deleted).toMatchObject({ kind: 'Status', status: 'Success' });
    await converge('server stops', () => refusesConnections(running.status.podIP, 3000), (refused) => refused, { consecutive: 1 });
  });

  it('logged no failures', () => {
    expect(agentLog).toEqual([]);
  });
});
