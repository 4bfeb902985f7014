import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';

const ROUTE = { kind: 'GRPCRoute', name: 'out-of-scope-parent' } as const;
const FOREIGN = { kind: 'Gateway', name: 'out-of-scope-parent' } as const;
const PARENT = { name: 'same-namespace', sectionName: 'http' };
const HOST = 'out-of-scope-parent.grpc.example';

const OTHER_CLASS = 'grpcroute-conformance-out-of-scope';

const foreignObjects = (namespace: string): KubeObject[] => [
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: OTHER_CLASS }, spec: { controllerName: 'example.net/out-of-scope-controller' } },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: FOREIGN.name, namespace },
    spec: { gatewayClassName: OTHER_CLASS, listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  },
];

const READY = [
  { type: 'Accepted', status: 'True' },
  { type: 'ResolvedRefs', status: 'True' },
] as const;

const untouched = (gateway: KubeObject): boolean => {
  const status = gateway.status as { conditions?: unknown[]; addresses?: unknown[]; listeners?: unknown[] } | undefined;
  return !status?.addresses?.length && !status?.listeners?.length && !(status?.conditions ?? []).some((c) => (c as { status?: string }).status === 'True');
};

export const grpcRouteOutOfScopeParent = defineConformanceTest({
  name: 'GRPCRouteOutOfScopeParent',
  description: 'A parentRef to a Gateway of a GatewayClass another controller owns gets no status entry from ours and is not served, while the same route\'s in-scope parent is reconciled and routes',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-out-of-scope-parent.yaml'],
  // #100: the in-scope parent is reconciled and routes whatever becomes of the other parentRef.
  specRefs: [19, 93, 100, 112],
  async run(t) {
    await t.step('another controller\'s GatewayClass and a Gateway of it exist', () => t.kube.apply(foreignObjects(t.namespaces.infra)));
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { name: PARENT.name, listeners: [PARENT.sectionName] }, routes: [ROUTE] });
    await t.grpc.expectCases(gw, [{ name: 'the in-scope parent routes Echo to v1', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v1' } }]);

    // A spec change made long after the foreign Gateway exists: the status written for it must have seen that Gateway.
    const rules = [{ matches: [{ method: { service: 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho', method: 'Echo' } }], backendRefs: [{ name: 'grpc-infra-backend-v2', port: 8080 }] }];
    await t.kube.patch(ROUTE, { spec: { rules } });
    await t.step('the in-scope parent is reconciled at the new generation', () => t.kube.routeMustHaveConditions(ROUTE, PARENT, READY));
    await t.step('no status entry of ours for the out-of-scope Gateway', () => t.kube.routeMustHaveNoParent(ROUTE, { name: FOREIGN.name }));
    await t.step('the out-of-scope Gateway is not served: no address, listeners or True condition from us', () =>
      t.kube.objectMustSatisfy(FOREIGN, 'no address, listener status or True condition', untouched),
    );
    await t.grpc.expectCases(gw, [{ name: 'after the change the in-scope parent routes Echo to v2', call: { method: 'Echo', authority: HOST }, expect: { backend: 'grpc-infra-backend-v2' } }]);
  },
});
