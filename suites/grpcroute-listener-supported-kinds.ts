import { Feature } from '../harness/features/features.ts';
import type { KubeObject } from '../harness/kube/types.ts';
import { defineConformanceTest } from '../harness/runner/conformance-test.ts';
import { Code } from './grpc-codes.ts';

const GATEWAY = { name: 'grpcroute-listener-kinds' };

interface ListenerStatus {
  readonly name: string;
  readonly supportedKinds?: readonly { readonly group?: string; readonly kind: string }[];
}

const listsGrpcRoute = (gateway: KubeObject, listener: string): boolean | undefined => {
  const status = ((gateway.status as { listeners?: ListenerStatus[] } | undefined)?.listeners ?? []).find((l) => l.name === listener);
  return status?.supportedKinds?.some((k) => k.kind === 'GRPCRoute' && (k.group ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io');
};

export const grpcRouteListenerSupportedKinds = defineConformanceTest({
  name: 'GRPCRouteListenerSupportedKinds',
  description:
    'An HTTP listener lists GRPCRoute in supportedKinds and one restricted to HTTPRoute does not; GRPCRoutes on the latter are NotAllowedByListeners. ' +
    'attachedRoutes counts accepted routes, including one whose backend is missing, and not rejected ones',
  features: [Feature.Gateway, Feature.GRPCRoute],
  manifests: ['grpcroute-listener-supported-kinds.yaml'],
  specRefs: [68, 93, 129, 130, 133],
  async run(t) {
    const gw = await t.kube.gatewayAndRoutesMustBeAccepted({ gateway: { ...GATEWAY, listeners: ['grpc'] }, routes: [{ name: 'kinds-ok' }] });
    await t.step('supportedKinds: GRPCRoute on listener grpc, not on listener http-only', () =>
      t.kube.objectMustSatisfy({ kind: 'Gateway', ...GATEWAY }, 'listener grpc lists GRPCRoute, listener http-only does not', (g) =>
        listsGrpcRoute(g, 'grpc') === true && listsGrpcRoute(g, 'http-only') !== true,
      ),
    );
    await t.step('a missing backend leaves the route accepted', () =>
      t.kube.routeMustHaveConditions({ name: 'kinds-unresolved' }, { ...GATEWAY, sectionName: 'grpc' }, [
        { type: 'Accepted', status: 'True' },
        { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound' },
      ]),
    );
    // Nothing asks for ResolvedRefs on a route no listener admits, so only Accepted is read.
    await t.step('a route on a listener without GRPCRoute kinds is NotAllowedByListeners', () =>
      t.kube.routeMustHaveConditions({ name: 'kinds-not-allowed' }, { ...GATEWAY, sectionName: 'http-only' }, [
        { type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners' },
      ]),
    );
    await t.step('a route with no intersecting hostname is NoMatchingListenerHostname', () =>
      t.kube.routeMustHaveConditions({ name: 'kinds-no-hostname' }, { ...GATEWAY, sectionName: 'grpc' }, [
        { type: 'Accepted', status: 'False', reason: 'NoMatchingListenerHostname' },
      ]),
    );
    await t.step('attachedRoutes: 2 on grpc (ok and unresolved), 0 on http-only', () =>
      Promise.all([t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'grpc', 2), t.kube.listenerMustHaveAttachedRoutes(GATEWAY, 'http-only', 0)]),
    );
    await t.grpc.expectCases(gw, [
      {
        name: 'the accepted route serves',
        call: { method: 'Echo', authority: 'ok.listener-kinds.example' },
        expect: { backend: 'grpc-infra-backend-v1', authority: 'ok.listener-kinds.example' },
      },
      {
        name: 'the route with a missing backend is programmed and answers UNAVAILABLE',
        call: { method: 'Echo', authority: 'unresolved.listener-kinds.example' },
        expect: { code: Code.UNAVAILABLE, answeredBy: 'gateway' },
      },
    ]);
  },
});
