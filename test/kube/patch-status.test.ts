import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../harness/config/timeouts.ts';
import { KubeApiError } from '../../harness/kube/errors.ts';
import { createKubeHelpers } from '../../harness/kube/helpers.ts';
import type { KubeHelpers, KubeObject } from '../../harness/kube/types.ts';
import type { RunFacts } from '../../harness/run/facts.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from './embedded-fixture.ts';

const NS = 'kube-patch-status';
const ROUTE = { kind: 'GRPCRoute', name: 'status-target' } as const;
const FOREIGN = {
  parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: NS, name: 'elsewhere' },
  controllerName: 'example.net/other-controller',
  conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: '', observedGeneration: 1, lastTransitionTime: '2024-01-02T03:04:05Z' }],
};

const route: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GRPCRoute',
  metadata: { name: ROUTE.name },
  spec: { parentRefs: [{ name: 'elsewhere' }], rules: [{ backendRefs: [{ name: 'echo', port: 8080 }] }] },
};

// No reference gateway: nothing but this test writes the route's status.
let cluster: EmbeddedForTest;
let kube: KubeHelpers;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  cluster = await startEmbeddedForTest({ referenceGateway: false });
  const facts: RunFacts = {
    runId: 'r-patch-status',
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
  kube = createKubeHelpers({
    facts,
    testName: 'PatchStatusTest',
    timeouts: DEFAULT_TIMEOUTS,
    cleanup: (fn) => void cleanups.push(fn),
    signal: new AbortController().signal,
    log: () => {},
  });
  await kube.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }]);
  await kube.apply([route]);
});
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await cluster?.environment.stop();
});

describe('patchStatus', () => {
  it('writes status through the subresource, leaving spec and generation alone', async () => {
    const before = await kube.get(ROUTE);
    const written = await kube.patchStatus(ROUTE, { status: { parents: [FOREIGN] } });
    expect(written.status).toEqual({ parents: [FOREIGN] });
    const read = await kube.get(ROUTE);
    expect(read?.status).toEqual({ parents: [FOREIGN] });
    expect(read?.spec).toEqual(before?.spec);
    expect(read?.metadata.generation).toBe(before?.metadata.generation);
  });

  it('replaces the whole parents list, as a merge patch does', async () => {
    const second = { ...FOREIGN, parentRef: { ...FOREIGN.parentRef, name: 'second' } };
    await kube.patchStatus(ROUTE, { status: { parents: [second] } });
    expect((await kube.get(ROUTE))?.status).toEqual({ parents: [second] });
  });

  it('refuses a write carrying a stale resourceVersion with a 409 KubeApiError', async () => {
    const stale = (await kube.get(ROUTE))?.metadata.resourceVersion;
    await kube.patchStatus(ROUTE, { status: { parents: [FOREIGN] } });
    const error = await kube.patchStatus(ROUTE, { metadata: { resourceVersion: stale }, status: { parents: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeApiError);
    expect((error as KubeApiError).status).toBe(409);
    expect((error as KubeApiError).path).toMatch(new RegExp(`/namespaces/${NS}/grpcroutes/status-target/status$`));
    expect((await kube.get(ROUTE))?.status).toEqual({ parents: [FOREIGN] });
  });

  it('does not let a main-resource patch change status (so the subresource is what wrote it)', async () => {
    await kube.patch(ROUTE, { status: { parents: [] } });
    expect((await kube.get(ROUTE))?.status).toEqual({ parents: [FOREIGN] });
  });
});
