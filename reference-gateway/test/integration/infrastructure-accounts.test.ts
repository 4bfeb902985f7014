// The embedded cluster's certificate library (@peculiar/x509) needs this polyfill loaded first.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCluster } from '../../../embedded-cluster/src/index.ts';
import type { EmbeddedCluster } from '../../../embedded-cluster/src/index.ts';
import { loadKubeconfig } from '../../../kube-rest/kubeconfig.ts';
import { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import { serviceAccountName } from '../../src/controller/infrastructure-accounts.ts';
import { startReferenceGateway } from '../../src/index.ts';
import type { RunningReferenceGateway } from '../../src/index.ts';
import type { KubeObject } from '../../src/kube/objects.ts';
import { waitUntil } from './wait-until.ts';

const CONTROLLER = 'grpcroute-conformance.dev/reference-gateway';
const GW = '/apis/gateway.networking.k8s.io/v1';
const NS = 'rg-accounts';
const NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
const LONG = `long-${'x'.repeat(70)}`;

let cluster: EmbeddedCluster;
let gateway: RunningReferenceGateway;
let client: KubeRestClient;
const logs: string[] = [];

const gatewayPath = (name = '') => `${GW}/namespaces/${NS}/gateways${name ? `/${name}` : ''}`;
const accountPath = (name = '') => `/api/v1/namespaces/${NS}/serviceaccounts${name ? `/${name}` : ''}`;
const accounts = async () => (await client.list<KubeObject>(accountPath())).items;
const accountOf = async (gatewayName: string) => (await accounts()).find((a) => a.metadata.name === serviceAccountName(gatewayName));

function gatewayObject(name: string, className: string, infrastructure?: Record<string, unknown>): KubeObject {
  return { metadata: { name, namespace: NS }, spec: { gatewayClassName: className, listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }], infrastructure } };
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  client = new KubeRestClient(loadKubeconfig(cluster.kubeconfigPath));
  await client.create('/api/v1/namespaces', { metadata: { name: NS } });
  await client.create(`${GW}/gatewayclasses`, { metadata: { name: 'ours' }, spec: { controllerName: CONTROLLER } });
  await client.create(`${GW}/gatewayclasses`, { metadata: { name: 'theirs' }, spec: { controllerName: 'example.com/other' } });
  // Someone else's account where ours would go: it must be left alone.
  await client.create(accountPath(), { metadata: { name: serviceAccountName('taken'), namespace: NS, labels: { owner: 'someone' } } });
  gateway = await startReferenceGateway({
    kubeconfigPath: cluster.kubeconfigPath,
    lowPortOffset: 10000,
    log: (line) => logs.push(line),
    dataPlane: { apply: async () => {}, stop: async () => {} },
  });
});

afterAll(async () => {
  await gateway?.stop();
  client?.close();
  await cluster?.stop();
});

describe('the ServiceAccount generated per Gateway', () => {
  it('carries the gateway-name label, the infrastructure labels and annotations, and the Gateway as owner', async () => {
    const gw = await client.create<KubeObject>(gatewayPath(), gatewayObject('meta', 'ours', { labels: { key2: 'value2' }, annotations: { key1: 'value1' } }));
    const account = await waitUntil('account of meta', () => accountOf('meta'));
    expect(account.metadata.labels).toEqual({ [NAME_LABEL]: 'meta', key2: 'value2' });
    expect(account.metadata.annotations).toMatchObject({ key1: 'value1' });
    expect(account.metadata.ownerReferences).toEqual([{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', name: 'meta', uid: gw.metadata.uid, controller: true }]);
  });

  it('follows a change of the infrastructure metadata, and repairs an edit of its own', async () => {
    await client.mergePatch(gatewayPath('meta'), { spec: { infrastructure: { labels: { key2: 'changed' }, annotations: null } } });
    await waitUntil('changed labels', async () => {
      const a = await accountOf('meta');
      return a?.metadata.labels?.key2 === 'changed' && (a.metadata.annotations as Record<string, string>).key1 === undefined ? a : undefined;
    });
    await client.mergePatch(accountPath(serviceAccountName('meta')), { metadata: { labels: { key2: 'edited' } } });
    await waitUntil('repaired labels', async () => ((await accountOf('meta'))?.metadata.labels?.key2 === 'changed' ? true : undefined));
  });

  it('is deleted when its Gateway moves to another controller, and when the Gateway is deleted', async () => {
    await client.create(gatewayPath(), gatewayObject('moving', 'ours'));
    await waitUntil('account of moving', () => accountOf('moving'));
    await client.mergePatch(gatewayPath('moving'), { spec: { gatewayClassName: 'theirs' } });
    await waitUntil('account of moving gone', async () => ((await accountOf('moving')) ? undefined : true));
    await client.delete(gatewayPath('meta'));
    await waitUntil('account of meta gone', async () => ((await accountOf('meta')) ? undefined : true));
  });

  it('gets a valid, distinct name for a Gateway name too long for a label value, and no gateway-name label', async () => {
    await client.create(gatewayPath(), gatewayObject(LONG, 'ours'));
    await client.create(gatewayPath(), gatewayObject(`${LONG}y`, 'ours'));
    const [a, b] = await Promise.all([waitUntil('long one', () => accountOf(LONG)), waitUntil('long two', () => accountOf(`${LONG}y`))]);
    expect(a.metadata.name).not.toBe(b.metadata.name);
    for (const account of [a, b]) {
      expect(account.metadata.name.length).toBeLessThanOrEqual(63);
      expect(account.metadata.labels?.[NAME_LABEL]).toBeUndefined();
    }
  });

  it('leaves an account of the same name that is not its own alone', async () => {
    await client.create(gatewayPath(), gatewayObject('taken', 'ours'));
    await waitUntil('the Gateway reconciled', async () => (logs.some((l) => l.includes(`${serviceAccountName('taken')} exists and is not ours`)) ? true : undefined));
    expect((await accountOf('taken'))?.metadata.labels).toEqual({ owner: 'someone' });
  });

  it('logs no failed write', () => {
    expect(logs.filter((l) => /failed/.test(l))).toEqual([]);
  });
});
