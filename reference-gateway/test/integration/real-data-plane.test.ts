// The embedded cluster's certificate library (@peculiar/x509) needs this polyfill loaded first.
import 'reflect-metadata';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmbeddedCluster } from '../../../embedded-cluster/src/index.ts';
import type { EmbeddedCluster } from '../../../embedded-cluster/src/index.ts';
import { startReferenceGateway } from '../../src/index.ts';
import type { RunningReferenceGateway } from '../../src/index.ts';
import { loadKubeconfig } from '../../../kube-rest/kubeconfig.ts';
import type { Condition, KubeObject } from '../../src/kube/objects.ts';
import { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import { waitUntil } from './wait-until.ts';

const GW = '/apis/gateway.networking.k8s.io/v1';
const CONTROLLER = 'grpcroute-conformance.dev/reference-gateway-real-data-plane-test';

let cluster: EmbeddedCluster;
let gateway: RunningReferenceGateway;
let client: KubeRestClient;
let bindPort: number;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  client = new KubeRestClient(loadKubeconfig(cluster.kubeconfigPath));
  bindPort = await freePort();
  gateway = await startReferenceGateway({ kubeconfigPath: cluster.kubeconfigPath, controllerName: CONTROLLER, addressPool: '127.2.250.0/24', lowPortOffset: bindPort - 80 });
  await client.create('/api/v1/namespaces', { metadata: { name: 'rdp' } });
  await client.create(`${GW}/gatewayclasses`, { metadata: { name: 'rdp-class' }, spec: { controllerName: CONTROLLER } });
  await client.create(`${GW}/namespaces/rdp/gateways`, {
    metadata: { name: 'gw', namespace: 'rdp' },
    spec: { gatewayClassName: 'rdp-class', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  });
});

afterAll(async () => {
  await gateway?.stop();
  client?.close();
  await cluster?.stop();
});

it('reports PortUnavailable when the data plane cannot bind a listener', async () => {
  const port = await freePort();
  // Which of the first two pool addresses 'busy' gets depends on reconcile timing, so hold the port on both.
  const squatters = ['127.2.250.1', '127.2.250.2'].map(() => net.createServer());
  await Promise.all(squatters.map((s, i) => new Promise<void>((resolve) => s.listen(port, `127.2.250.${i + 1}`, resolve))));
  try {
    await client.create(`${GW}/namespaces/rdp/gateways`, {
      metadata: { name: 'busy', namespace: 'rdp' },
      spec: { gatewayClassName: 'rdp-class', listeners: [{ name: 'http', port, protocol: 'HTTP' }] },
    });
    await waitUntil('listener PortUnavailable', async () => {
      const o = await client.get<KubeObject & { status?: { addresses?: { value: string }[]; listeners?: { conditions: Condition[] }[] } }>(`${GW}/namespaces/rdp/gateways/busy`);
      const accepted = o.status?.listeners?.[0]?.conditions.find((c) => c.type === 'Accepted');
      return o.status?.addresses?.[0]?.value?.startsWith('127.2.250.') && accepted?.reason === 'PortUnavailable' ? true : undefined;
    });
  } finally {
    await Promise.all(squatters.map((s) => new Promise((resolve) => s.close(resolve))));
  }
});

it('binds the Gateway listener on its status address at port + lowPortOffset, and unbinds on stop', async () => {
  const gw = await waitUntil('Gateway programmed', async () => {
    const o = await client.get<KubeObject & { status?: { addresses?: { value: string }[]; conditions?: Condition[] } }>(`${GW}/namespaces/rdp/gateways/gw`);
    return o.status?.conditions?.some((c) => c.type === 'Programmed' && c.status === 'True') ? o : undefined;
  });
  const address = gw.status!.addresses![0]!.value;
  expect(address).toMatch(/^127\.2\.250\.\d+$/);
  await waitUntil('listener bound', async () => ((await connects(address, bindPort)) ? true : undefined));
  await gateway.stop();
  expect(await connects(address, bindPort)).toBe(false);
});
