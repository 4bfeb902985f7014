import { isDeepStrictEqual } from 'node:util';
import { Feature } from '../harness/features/features.ts';
import { ECHO_SERVICE } from '../harness/grpc/types.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const ROUTE = { kind: 'GRPCRoute', name: 'foreign-status-entries' } as const;
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'foreign-status-entries.grpc.example';
const CONFLICT_ATTEMPTS = 5;

interface ParentStatus {
  readonly controllerName: string;
  readonly conditions?: readonly { readonly type?: string; readonly observedGeneration?: number }[];
}

// Conditions are a map keyed by type (+listType=map): their order carries no meaning, so it is not compared.
const byType = (entry: unknown): unknown => {
  const conditions = (entry as ParentStatus).conditions ?? [];
  return { ...(entry as object), conditions: [...conditions].sort((a, b) => (a.type ?? '').localeCompare(b.type ?? '')) };
};

const parentsOf = (route: KubeObject): readonly ParentStatus[] => (route.status as { parents?: ParentStatus[] } | undefined)?.parents ?? [];

const foreignEntry = (namespace: string, gateway: string) => ({
  parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace, name: gateway },
  controllerName: 'example.net/other-controller',
  conditions: [
    { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'accepted by the other controller', observedGeneration: 1, lastTransitionTime: '2024-03-04T05:06:07Z' },
    { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: 'the other controller sees no backend', observedGeneration: 1, lastTransitionTime: '2024-03-04T05:06:08Z' },
  ],
});

const rule = (method: string, backend: string) => ({ matches: [{ method: { service: ECHO_SERVICE, method } }], backendRefs: [{ name: backend, port: 8080 }] });

// Written the way another controller would: read, add its entries, write back conditionally.
async function writeAround(t: TestContext, before: unknown, after: unknown): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const route = await t.kube.objectMustSatisfy(ROUTE, 'the route exists', () => true);
    const patch = { metadata: { resourceVersion: route.metadata.resourceVersion }, status: { parents: [before, ...parentsOf(route), after] } };
    try {
      await t.kube.patchStatus(ROUTE, patch);
      return;
    } catch (error) {
      if ((error as { status?: unknown }).status !== 409 || attempt >= CONFLICT_ATTEMPTS) throw error;
    }
  }
}

export const grpcRouteForeignStatusEntries = defineConformanceTest({
  name: 'GRPCRouteForeignStatusEntries',
  description:
    'Status parent entries of another controller survive our controller rewriting its own entry after a spec change: same content, same lastTransitionTime, ' +
    'same order among themselves (where ours sits among them is the implementation\'s choice)',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-foreign-status-entries.yaml'],
  specRefs: [95, 97, 98, 99, 101, 102, 103, 104],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: PARENT.name, listeners: [PARENT.sectionName] }, routes: [ROUTE] });
    await t.grpc.expectCases(gw, [
      { name: 'before the change: Echo routed to v1', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1' } },
      { name: 'before the change: EchoTwo has no route', call: { method: 'EchoTwo', authority: HOST }, expect: { code: Code.UNIMPLEMENTED, answeredBy: 'gateway' } },
    ]);

    // One foreign entry on each side of ours, so a writer that keeps only the foreign entries on one side of ours shows.
    const before = foreignEntry(t.namespaces.infra, 'foreign-status-gateway-before');
    const after = foreignEntry(t.namespaces.infra, 'foreign-status-gateway-after');
    await t.step('another controller adds its parent entries before and after ours', () => writeAround(t, before, after));

    await t.kube.patch(ROUTE, { spec: { rules: [rule('Echo', 'grpc-infra-backend-v1'), rule('EchoTwo', 'grpc-infra-backend-v2')] } });
    const untouched = (route: KubeObject): boolean => {
      const parents = parentsOf(route);
      const conditions = parents.find((p) => p.controllerName === t.kube.controllerName)?.conditions ?? [];
      const current = conditions.length > 0 && conditions.every((c) => c.observedGeneration === route.metadata.generation);
      const foreign = parents.filter((p) => p.controllerName !== t.kube.controllerName).map(byType);
      return current && isDeepStrictEqual(foreign, [before, after].map(byType));
    };
    const wanted = 'our entry at the current generation; the two foreign entries unchanged and in their order (ours anywhere)';
    await t.step('our controller rewrites its entry and leaves the foreign ones as they were', async () => {
      await t.kube.routeMustHaveConditions(ROUTE, PARENT, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'True' },
      ]);
      await t.kube.objectMustSatisfy(ROUTE, wanted, untouched);
    });

    await t.grpc.expectCases(gw, [
      { name: 'after the change: Echo routed to v1', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1' } },
      { name: 'after the change: EchoTwo routed to v2', call: { method: 'EchoTwo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v2' } },
    ]);
    await t.step('the foreign entries are still unchanged once traffic follows the new spec', () => t.kube.objectMustSatisfy(ROUTE, wanted, untouched));
  },
});
