import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../harness/kube/types.ts';
import { hostnamesIntersect } from './hostnames-intersect.ts';
import { sharedGatewayRoutes } from './shared-gateway-routes.ts';
import { testFileName } from './test-file-name.ts';

describe('testFileName', () => {
  it.each([
    ['GRPCExactMethodMatching', 'grpc-exact-method-matching'],
    ['GRPCRouteHTTPSListenerSNI', 'grpcroute-https-listener-sni'],
    ['GRPCRouteSeedHTTPSListener', 'grpcroute-seed-https-listener'],
    ['BackendTLSPolicyGRPCRoute', 'backendtlspolicy-grpcroute'],
    ['GRPCRouteReferenceGrantMatching', 'grpcroute-reference-grant-matching'],
    ['GRPCRouteCrossServingExclusive', 'grpcroute-cross-serving-exclusive'],
  ])('%s → %s', (name, file) => expect(testFileName(name)).toBe(file));
});

describe('hostnamesIntersect', () => {
  it.each([
    ['a.example', 'a.example', true],
    ['A.Example', 'a.example', true],
    ['a.example', 'b.example', false],
    ['*.example', 'a.example', true],
    ['*.example', 'x.y.example', true],
    ['*.example', 'example', false],
    ['*.a.example', '*.example', true],
    ['*.a.example', '*.b.example', false],
    ['*.ample', 'a.example', false],
  ])('%s and %s: %s', (a, b, want) => {
    expect(hostnamesIntersect(a, b)).toBe(want);
    expect(hostnamesIntersect(b, a)).toBe(want);
  });
});

describe('sharedGatewayRoutes', () => {
  const route = (name: string, spec: object, namespace?: string): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
    spec,
  });

  it('keeps routes on a shared Gateway of the infra namespace, however the parentRef is spelled', () => {
    const routes = sharedGatewayRoutes([
      route('defaulted', { parentRefs: [{ name: 'same-namespace' }], hostnames: ['a.example'] }),
      route('cross', { parentRefs: [{ name: 'backend-namespaces', namespace: 'grpc-conformance-infra' }] }, 'grpc-conformance-app-backend'),
      route('own-gateway', { parentRefs: [{ name: 'my-gateway' }], hostnames: ['b.example'] }),
      route('wrong-namespace', { parentRefs: [{ name: 'same-namespace' }] }, 'grpc-conformance-web-backend'),
      route('service-parent', { parentRefs: [{ name: 'same-namespace', kind: 'Service', group: '' }] }),
    ]);
    expect(routes).toEqual([
      { route: 'GRPCRoute grpc-conformance-infra/defaulted', gateway: 'same-namespace', hostnames: ['a.example'] },
      { route: 'GRPCRoute grpc-conformance-app-backend/cross', gateway: 'backend-namespaces', hostnames: [] },
    ]);
  });

  it('ignores objects that are not routes', () => {
    expect(sharedGatewayRoutes([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'same-namespace' }, spec: {} }])).toEqual([]);
  });
});
