import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../harness/config/timeouts.ts';
import { applyObjects, type ApplyScope } from '../../harness/kube/apply.ts';
import { StatusTimeoutError } from '../../harness/kube/errors.ts';
import { createKubeHelpers } from '../../harness/kube/helpers.ts';
import { LABEL_MANAGED_BY, LABEL_RUN_ID, LABEL_TEST } from '../../harness/kube/labels.ts';
import type { KubeObject } from '../../harness/kube/types.ts';
import type { RunFacts } from '../../harness/run/facts.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from './embedded-fixture.ts';

const NS = 'kube-helpers-infra';
const GW = 'gateway.networking.k8s.io/v1';

let cluster: EmbeddedForTest;
beforeAll(async () => {
  cluster = await startEmbeddedForTest();
});
afterAll(async () => {
  await cluster?.environment.stop();
});

function facts(): RunFacts {
  return {
    runId: 'r-kube-test',
    kubeconfigPath: cluster.environment.kubeconfigPath,
    gatewayClass: 'grpcroute-reference',
    controllerName: 'grpcroute-conformance.dev/reference-gateway',
    gatewayAPIVersion: 'v1.6.1',
    gatewayAPIChannel: 'standard',
    supportedFeatures: [],
    featureSource: 'manual',
    namespaces: { infra: NS, app: NS, web: NS },
    certificates: { caPem: '', otherCaPem: '' },
    dial: { lowPortOffset: 10000, gatewayAddresses: {} },
    staticAddresses: {},
  };
}

/** A test-sized cleanup stack, run LIFO like the runner's. */
function cleanupStack() {
  const fns: (() => Promise<void>)[] = [];
  return {
    register: (fn: () => Promise<void>) => void fns.push(fn),
    async run() {
      while (fns.length > 0) await fns.pop()!();
    },
  };
}

const gatewayObject = (name: string): KubeObject => ({
  apiVersion: GW,
  kind: 'Gateway',
  metadata: { name },
  spec: { gatewayClassName: 'GATEWAY_CLASS_NAME', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }] },
});
const routeObject = (name: string, gateway: string, sectionName?: string): KubeObject => ({
  apiVersion: GW,
  kind: 'GRPCRoute',
  metadata: { name },
  spec: {
    parentRefs: [{ name: gateway, ...(sectionName ? { sectionName } : {}) }],
    rules: [{ backendRefs: [{ name: 'echo', port: 8080 }] }],
  },
});
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'echo' },
  spec: { selector: { app: 'echo' }, ports: [{ port: 8080, targetPort: 3000, appProtocol: 'kubernetes.io/h2c' }] },
};

describe('apply and cleanup', () => {
  it('labels objects, substitutes the GatewayClass, defaults the namespace, and cleanup waits until gone', async () => {
    const stack = cleanupStack();
    const scope: ApplyScope = {
      client: cluster.client,
      runId: 'r-apply',
      testName: 'ApplyTest',
      gatewayClass: 'grpcroute-reference',
      defaultNamespace: 'kube-apply',
      deleteTimeoutMs: 10_000,
    };
    await applyObjects(scope, [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-apply' } }], stack.register);
    const [gateway] = await applyObjects(scope, [gatewayObject('gw-apply')], stack.register);
    expect(gateway?.metadata.namespace).toBe('kube-apply');

    const stored = await cluster.client.get({ apiVersion: GW, kind: 'Gateway', name: 'gw-apply', namespace: 'kube-apply' });
    expect(stored?.metadata.labels).toMatchObject({ [LABEL_MANAGED_BY]: 'grpcroute-conformance', [LABEL_RUN_ID]: 'r-apply', [LABEL_TEST]: 'ApplyTest' });
    expect((stored?.spec as { gatewayClassName: string }).gatewayClassName).toBe('grpcroute-reference');

    await stack.run();
    expect(await cluster.client.get({ apiVersion: GW, kind: 'Gateway', name: 'gw-apply', namespace: 'kube-apply' })).toBeUndefined();
    expect(await cluster.client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'kube-apply' })).toBeUndefined();
  });
});

describe('KubeHelpers on the reference gateway', () => {
  const stack = cleanupStack();
  const timeouts = { ...DEFAULT_TIMEOUTS, routeMustHaveParents: 1_500, gatewayMustBeProgrammed: 15_000 };
  let kube: ReturnType<typeof createKubeHelpers>;

  beforeAll(async () => {
    kube = createKubeHelpers({ facts: facts(), testName: 'HelpersTest', timeouts, cleanup: stack.register, signal: new AbortController().signal, log: () => {} });
    await kube.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }]);
    await kube.apply([service, gatewayObject('gw'), routeObject('route-a', 'gw', 'http')]);
  });
  afterAll(() => stack.run());

  it('waits for Gateway and route acceptance and returns the dial-mapped address', async () => {
    const address = await kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: 'gw', listeners: ['http'] }, routes: [{ name: 'route-a' }] });
    expect(address.port).toBe(80);
    expect(address.dialPort).toBe(10080);
    expect(address.host).toMatch(/^127\.2\./);
    await kube.listenerMustHaveAttachedRoutes({ name: 'gw' }, 'http', 1, ['GRPCRoute', 'HTTPRoute']);
  });

  it('on timeout names the object, what was wanted and the last state seen', async () => {
    const error = await kube
      .routeMustHaveConditions({ name: 'route-a' }, { name: 'gw', sectionName: 'not-a-listener' }, [{ type: 'Accepted', status: 'True' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatusTimeoutError);
    const message = (error as StatusTimeoutError).message;
    expect((error as StatusTimeoutError).code).toBe('GRPCCONF_STATUS_TIMEOUT');
    expect(message).toContain(`GRPCRoute ${NS}/route-a`);
    expect(message).toContain('timeouts.routeMustHaveParents');
    expect(message).toContain('Accepted=True on parent Gateway');
    expect(message).toContain('generation 1');
    expect(message).toMatch(/Accepted=True Accepted og=1/);
  });

  it('sees a patch at the new generation, and a removed parent disappear', async () => {
    await kube.patch({ kind: 'GRPCRoute', name: 'route-a' }, { spec: { parentRefs: [{ name: 'gw', sectionName: 'http' }], hostnames: ['a.example.com'] } });
    await kube.routeMustHaveConditions({ name: 'route-a' }, { name: 'gw', sectionName: 'http' }, [{ type: 'Accepted', status: 'True' }]);
    await kube.patch({ kind: 'GRPCRoute', name: 'route-a' }, { spec: { parentRefs: [{ name: 'other-gw' }] } });
    await kube.routeMustHaveNoParent({ name: 'route-a' }, { name: 'gw' });
    expect((await kube.get({ kind: 'GRPCRoute', name: 'route-a' }))?.metadata.generation).toBe(3);
    expect(await kube.get({ kind: 'GRPCRoute', name: 'missing' })).toBeUndefined();
  });

  it('reads any object through objectMustSatisfy and deletes until gone', async () => {
    const gw = await kube.objectMustSatisfy({ kind: 'Gateway', name: 'gw' }, 'an address', (o) => JSON.stringify(o.status).includes('IPAddress'));
    expect(gw.metadata.name).toBe('gw');
    await kube.delete({ kind: 'GRPCRoute', name: 'route-a' });
    expect(await kube.get({ kind: 'GRPCRoute', name: 'route-a' })).toBeUndefined();
  });

  it('waits on objects of several kinds chosen by label, and names them all on timeout', async () => {
    const selector = 'gateway.networking.k8s.io/gateway-name=gw';
    const query = { kinds: ['ServiceAccount', 'Pod', 'Service'], labelSelector: selector };
    const byKind = await kube.labelledObjectsMustSatisfy(query, 'the generated account', (k) => (k.ServiceAccount ?? []).length > 0);
    expect(byKind.ServiceAccount!.map((a) => [a.kind, a.metadata.name])).toEqual([['ServiceAccount', 'gw-gateway']]);
    expect(byKind.Pod).toEqual([]);
    const error = await kube.labelledObjectsMustSatisfy(query, 'a Pod too', (k) => (k.Pod ?? []).length > 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatusTimeoutError);
    expect((error as StatusTimeoutError).message).toContain(`ServiceAccount, Pod, Service in ${NS} with ${selector}`);
    expect((error as StatusTimeoutError).message).toContain('ServiceAccount gw-gateway labels');
  });
});
