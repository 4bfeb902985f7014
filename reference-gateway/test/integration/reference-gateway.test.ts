// The embedded cluster's certificate library (@peculiar/x509) needs this polyfill loaded first.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCluster } from '../../../embedded-cluster/src/index.ts';
import type { EmbeddedCluster } from '../../../embedded-cluster/src/index.ts';
import { startReferenceGateway } from '../../src/index.ts';
import type { RunningReferenceGateway } from '../../src/index.ts';
import { loadKubeconfig } from '../../../kube-rest/kubeconfig.ts';
import type { Condition, KubeObject, Route } from '../../src/kube/objects.ts';
import { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import type { DataPlaneConfig } from '../../src/model/data-plane-config.ts';
import { waitUntil } from './wait-until.ts';

const CONTROLLER = 'grpcroute-conformance.dev/reference-gateway';
const GW = '/apis/gateway.networking.k8s.io/v1';
const INFRA = 'rg-infra';
const APP = 'rg-app';

let cluster: EmbeddedCluster;
let gateway: RunningReferenceGateway;
let client: KubeRestClient;
const configs: DataPlaneConfig[] = [];
const logs: string[] = [];

const routePath = (ns: string, name = '') => `${GW}/namespaces/${ns}/grpcroutes${name ? `/${name}` : ''}`;
const getRoute = (ns: string, name: string) => client.get<Route>(routePath(ns, name));

function ourCondition(route: Route, type: string, parentName?: string, sectionName?: string): Condition | undefined {
  const parent = route.status?.parents?.find(
    (p) => p.controllerName === CONTROLLER && (parentName === undefined || p.parentRef.name === parentName) && p.parentRef.sectionName === sectionName,
  );
  return parent?.conditions?.find((c) => c.type === type);
}

/** Waits until our condition on the route has the status/reason at the route's current generation. */
function routeConditionMustBe(ns: string, name: string, type: string, status: string, reason: string, sectionName?: string) {
  return waitUntil(`${ns}/${name} ${type}=${status}/${reason}`, async () => {
    const route = await getRoute(ns, name);
    const c = ourCondition(route, type, undefined, sectionName);
    return c?.status === status && c.reason === reason && c.observedGeneration === route.metadata.generation ? c : undefined;
  });
}

function grpcRoute(ns: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata: { name, namespace: ns }, spec };
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ workloads: false });
  client = new KubeRestClient(loadKubeconfig(cluster.kubeconfigPath));
  for (const ns of [INFRA, APP]) await client.create('/api/v1/namespaces', { metadata: { name: ns } });
  await client.create(`${GW}/gatewayclasses`, { metadata: { name: 'rg-class' }, spec: { controllerName: CONTROLLER } });
  await client.create(`${GW}/namespaces/${INFRA}/gateways`, {
    metadata: { name: 'gw', namespace: INFRA },
    spec: { gatewayClassName: 'rg-class', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  });
  await client.create(`/api/v1/namespaces/${INFRA}/services`, {
    metadata: { name: 'echo', namespace: INFRA },
    spec: { ports: [{ name: 'grpc', port: 8080, targetPort: 3000, appProtocol: 'kubernetes.io/h2c' }] },
  });
  await client.create(`/api/v1/namespaces/${APP}/services`, {
    metadata: { name: 'app-echo', namespace: APP },
    spec: { ports: [{ name: 'grpc', port: 8080, targetPort: 3000 }] },
  });
  gateway = await startReferenceGateway({
    kubeconfigPath: cluster.kubeconfigPath,
    lowPortOffset: 10000,
    log: (line) => logs.push(line),
    dataPlane: { apply: async (config) => void configs.push(config), stop: async () => {} },
  });
});

afterAll(async () => {
  await gateway?.stop();
  client?.close();
  await cluster?.stop();
});

describe('reference gateway against the embedded cluster', () => {
  it('accepts its GatewayClass and programs the Gateway with a pool address', async () => {
    const gc = await waitUntil('GatewayClass accepted', async () => {
      const o = await client.get<KubeObject & { status?: { conditions?: Condition[]; supportedFeatures?: { name: string }[] } }>(`${GW}/gatewayclasses/rg-class`);
      return o.status?.conditions?.some((c) => c.type === 'Accepted' && c.status === 'True') ? o : undefined;
    });
    expect(gc.status!.supportedFeatures!.map((f) => f.name)).toContain('GRPCRoute');
    const gw = await waitUntil('Gateway programmed', async () => {
      const o = await client.get<KubeObject & { status?: { addresses?: { value: string }[]; conditions?: Condition[] } }>(`${GW}/namespaces/${INFRA}/gateways/gw`);
      return o.status?.conditions?.some((c) => c.type === 'Programmed' && c.status === 'True') ? o : undefined;
    });
    expect(gw.status!.addresses![0]!.value).toMatch(/^127\.2\.\d+\.\d+$/);
  });

  it('accepts a valid route, pushes it to the data plane and counts it on the listener', async () => {
    await client.create(routePath(INFRA), grpcRoute(INFRA, 'ok', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'echo', port: 8080 }] }] }));
    await routeConditionMustBe(INFRA, 'ok', 'Accepted', 'True', 'Accepted');
    await routeConditionMustBe(INFRA, 'ok', 'ResolvedRefs', 'True', 'ResolvedRefs');
    const listener = configs.at(-1)!.gateways[0]!.listeners[0]!;
    expect(listener).toMatchObject({ port: 80, bindPort: 10080 });
    expect(listener.routes.map((r) => r.key)).toContain(`${INFRA}/ok`);
    await waitUntil('attachedRoutes 1', async () => {
      const gw = await client.get<KubeObject & { status?: { listeners?: { attachedRoutes: number }[] } }>(`${GW}/namespaces/${INFRA}/gateways/gw`);
      return gw.status?.listeners?.[0]?.attachedRoutes === 1 ? true : undefined;
    });
  });

  it('reports NotAllowedByListeners, NoMatchingParent and BackendNotFound', async () => {
    await client.create(routePath(APP), grpcRoute(APP, 'far', { parentRefs: [{ name: 'gw', namespace: INFRA }] }));
    await client.create(routePath(INFRA), grpcRoute(INFRA, 'nosection', { parentRefs: [{ name: 'gw', sectionName: 'nope' }] }));
    await client.create(routePath(INFRA), grpcRoute(INFRA, 'missing', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'ghost', port: 8080 }] }] }));
    await routeConditionMustBe(APP, 'far', 'Accepted', 'False', 'NotAllowedByListeners');
    await routeConditionMustBe(INFRA, 'nosection', 'Accepted', 'False', 'NoMatchingParent', 'nope');
    await routeConditionMustBe(INFRA, 'missing', 'Accepted', 'True', 'Accepted');
    await routeConditionMustBe(INFRA, 'missing', 'ResolvedRefs', 'False', 'BackendNotFound');
  });

  it('needs a ReferenceGrant for a cross-namespace backend, and loses access when it is deleted', async () => {
    await client.create(routePath(INFRA), grpcRoute(INFRA, 'cross', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'app-echo', namespace: APP, port: 8080 }] }] }));
    const denied = await routeConditionMustBe(INFRA, 'cross', 'ResolvedRefs', 'False', 'RefNotPermitted');
    expect(denied.message).not.toMatch(/not found/i);
    const grants = `/apis/gateway.networking.k8s.io/v1beta1/namespaces/${APP}/referencegrants`;
    await client.create(grants, {
      metadata: { name: 'allow-infra', namespace: APP },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: INFRA }], to: [{ group: '', kind: 'Service' }] },
    });
    await routeConditionMustBe(INFRA, 'cross', 'ResolvedRefs', 'True', 'ResolvedRefs');
    await client.delete(`${grants}/allow-infra`);
    await routeConditionMustBe(INFRA, 'cross', 'ResolvedRefs', 'False', 'RefNotPermitted');
  });

  it('follows generation bumps and leaves other controllers entries alone', async () => {
    const before = await getRoute(INFRA, 'ok');
    const foreign = {
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'theirs' },
      controllerName: 'example.com/other-controller',
      conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'theirs', observedGeneration: 1, lastTransitionTime: '2026-01-01T00:00:00Z' }],
    };
    await client.replace(routePath(INFRA, 'ok') + '/status', { ...before, status: { parents: [foreign, ...(before.status?.parents ?? [])] } });
    await client.mergePatch(routePath(INFRA, 'ok'), { spec: { hostnames: ['ok.example.com'] } });
    const accepted = await routeConditionMustBe(INFRA, 'ok', 'Accepted', 'True', 'Accepted');
    expect(accepted.observedGeneration).toBe((before.metadata.generation ?? 1) + 1);
    const after = await getRoute(INFRA, 'ok');
    expect(after.status!.parents![0]).toEqual(foreign);
    expect(after.status!.parents!.filter((p) => p.controllerName === CONTROLLER)).toHaveLength(1);
    await waitUntil('hostname in config', async () => (configs.at(-1)!.gateways[0]!.listeners[0]!.routes.find((r) => r.key === `${INFRA}/ok`)?.hostnames[0] === 'ok.example.com' ? true : undefined));
  });

  it('logs nothing alarming', () => {
    expect(logs.filter((l) => /failed/.test(l))).toEqual([]);
  });
});
