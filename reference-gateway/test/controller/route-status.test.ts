import { describe, expect, it } from 'vitest';
import { computeState } from './compute-state.ts';
import { APP, INFRA, endpointSlice, gateway, gatewayClass, httpListener, namespace, referenceGrant, route, service } from './object-builders.ts';

const base = [
  gatewayClass(),
  namespace(INFRA, { 'gateway-conformance': 'infra' }),
  namespace(APP, { 'gateway-conformance': 'backend' }),
  service('grpc-infra-backend-v1'),
  endpointSlice('grpc-infra-backend-v1', ['127.1.0.1', '127.1.0.2']),
];
const backend = { name: 'grpc-infra-backend-v1', port: 8080 };
const sameNamespace = gateway('same-namespace', [httpListener()]);

describe('route status per parentRef', () => {
  it('accepts a valid route with resolved refs at the route generation', () => {
    const r = route('GRPCRoute', 'ok', { parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [backend] }] }, INFRA, { generation: 3 });
    const state = computeState([...base, sameNamespace, r]);
    const parents = state.parentsOf(r);
    expect(parents).toHaveLength(1);
    expect(parents[0]!.parentRef).toEqual({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'same-namespace' });
    expect(state.routeCondition(r, 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted', observedGeneration: 3 });
    expect(state.routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'True', reason: 'ResolvedRefs', observedGeneration: 3 });
    expect(state.routeCondition(r, 'PartiallyInvalid')).toBeUndefined();
  });

  it('rejects a route from another namespace on a Same listener (NotAllowedByListeners)', () => {
    const r = route('GRPCRoute', 'far', { parentRefs: [{ name: 'same-namespace', namespace: INFRA }], rules: [{ backendRefs: [{ ...backend, namespace: INFRA }] }] }, APP);
    const state = computeState([...base, sameNamespace, r, referenceGrant('g', INFRA, APP)]);
    expect(state.routeCondition(r, 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowedByListeners' });
    expect(state.routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'True' });
  });

  it('admits by namespace selector and by All', () => {
    const selector = gateway('backend-namespaces', [httpListener({ allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'gateway-conformance': 'backend' } } } } })]);
    const all = gateway('all-namespaces', [httpListener({ allowedRoutes: { namespaces: { from: 'All' } } })]);
    const fromApp = route('GRPCRoute', 'app', { parentRefs: [{ name: 'backend-namespaces', namespace: INFRA }, { name: 'all-namespaces', namespace: INFRA }] }, APP);
    const fromInfra = route('GRPCRoute', 'infra', { parentRefs: [{ name: 'backend-namespaces' }] });
    const state = computeState([...base, selector, all, fromApp, fromInfra]);
    expect(state.routeCondition(fromApp, 'Accepted', 0)).toMatchObject({ status: 'True' });
    expect(state.routeCondition(fromApp, 'Accepted', 1)).toMatchObject({ status: 'True' });
    expect(state.routeCondition(fromInfra, 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowedByListeners' });
  });

  it('reports NoMatchingParent for an unknown sectionName or port', () => {
    const r = route('GRPCRoute', 'nosection', { parentRefs: [{ name: 'same-namespace', sectionName: 'nope' }, { name: 'same-namespace', port: 81 }] });
    const state = computeState([...base, sameNamespace, r]);
    expect(state.routeCondition(r, 'Accepted', 0)).toMatchObject({ status: 'False', reason: 'NoMatchingParent' });
    expect(state.routeCondition(r, 'Accepted', 1)).toMatchObject({ status: 'False', reason: 'NoMatchingParent' });
    expect(computeState([...base, sameNamespace, r], { faults: ['ignore-section-name'] }).routeCondition(r, 'Accepted', 0)).toMatchObject({ status: 'True' });
  });

  it('reports NoMatchingListenerHostname when no hostname intersects', () => {
    const gw = gateway('hosts', [httpListener({ hostname: '*.example.com' })]);
    const r = route('GRPCRoute', 'other-host', { parentRefs: [{ name: 'hosts' }], hostnames: ['foo.example.org'] });
    const state = computeState([...base, gw, r]);
    expect(state.routeCondition(r, 'Accepted')).toMatchObject({ status: 'False', reason: 'NoMatchingListenerHostname' });
  });

  it('rejects by listener kinds and protocol', () => {
    const gw = gateway('kinds', [
      httpListener({ name: 'http-only', allowedRoutes: { kinds: [{ kind: 'HTTPRoute' }] } }),
      { name: 'tcp', port: 9000, protocol: 'TCP' },
    ]);
    const r = route('GRPCRoute', 'grpc', { parentRefs: [{ name: 'kinds' }] });
    const state = computeState([...base, gw, r]);
    expect(state.routeCondition(r, 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowedByListeners' });
  });

  it('reports BackendNotFound, InvalidKind and UnsupportedProtocol but stays Accepted', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'missing', port: 8080 }, 'BackendNotFound'],
      [{ group: '', kind: 'ConfigMap', name: 'x' }, 'InvalidKind'],
      [{ name: 'ws', port: 8080 }, 'UnsupportedProtocol'],
    ];
    for (const [ref, reason] of cases) {
      const r = route('GRPCRoute', 'bad', { parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [ref as never] }] });
      const state = computeState([...base, service('ws', INFRA, { appProtocol: 'kubernetes.io/ws' }), sameNamespace, r]);
      expect(state.routeCondition(r, 'Accepted')).toMatchObject({ status: 'True' });
      expect(state.routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'False', reason });
      const compiled = state.config.gateways[0]!.listeners[0]!.routes[0]!.rules[0]!.backends[0]!;
      expect(compiled.valid).toBe(false);
    }
  });

  it('needs a ReferenceGrant for a cross-namespace backend and never reveals existence', () => {
    const r = route('GRPCRoute', 'cross', { parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [{ name: 'ghost', namespace: APP, port: 8080 }] }] });
    const denied = computeState([...base, sameNamespace, r]).routeCondition(r, 'ResolvedRefs');
    expect(denied).toMatchObject({ status: 'False', reason: 'RefNotPermitted' });
    expect(denied!.message).not.toMatch(/not found|exist/i);
    const leaked = computeState([...base, sameNamespace, r], { faults: ['reveal-missing-target'] }).routeCondition(r, 'ResolvedRefs');
    expect(leaked!.message).toMatch(/not found/);
    const granted = computeState([...base, sameNamespace, r, service('ghost', APP), referenceGrant('g', APP, INFRA, 'ghost')]);
    expect(granted.routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'True' });
    const wrongName = computeState([...base, sameNamespace, r, service('ghost', APP), referenceGrant('g', APP, INFRA, 'other')]);
    expect(wrongName.routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'RefNotPermitted' });
  });

  it('drops invalid rules with PartiallyInvalid, rejects when all are invalid', () => {
    const good = { name: 'a', backendRefs: [backend] };
    const dupName = { name: 'a', backendRefs: [backend] };
    const badFilter = { filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-A', value: '1' }], remove: ['x-a'] } }] };
    const r = route('GRPCRoute', 'partial', { parentRefs: [{ name: 'same-namespace' }], rules: [good, dupName, badFilter] });
    const state = computeState([...base, sameNamespace, r]);
    expect(state.routeCondition(r, 'Accepted')).toMatchObject({ status: 'True' });
    expect(state.routeCondition(r, 'PartiallyInvalid')).toMatchObject({ status: 'True', reason: 'UnsupportedValue' });
    expect(state.routeCondition(r, 'PartiallyInvalid')!.message).toMatch(/^Dropped Rule/);
    expect(state.config.gateways[0]!.listeners[0]!.routes[0]!.rules.map((x) => x.index)).toEqual([0]);

    const allBad = route('GRPCRoute', 'all-bad', { parentRefs: [{ name: 'same-namespace' }], rules: [{ matches: [{ headers: [{ type: 'Fancy', name: 'a', value: 'b' }] }] }] });
    const rejected = computeState([...base, sameNamespace, allBad]);
    expect(rejected.routeCondition(allBad, 'Accepted')).toMatchObject({ status: 'False', reason: 'UnsupportedValue' });
    expect(rejected.routeCondition(allBad, 'PartiallyInvalid')).toBeUndefined();
    expect(rejected.config.gateways[0]!.listeners[0]!.routes).toEqual([]);

    const whole = computeState([...base, sameNamespace, r], { faults: ['no-partially-invalid'] });
    expect(whole.routeCondition(r, 'Accepted')).toMatchObject({ status: 'False', reason: 'UnsupportedValue' });
  });

  it('keeps other controllers entries and their order, and removes our stale ones', () => {
    const foreign = { parentRef: { name: 'x' }, controllerName: 'example.com/other', conditions: [{ type: 'Accepted', status: 'True' as const, reason: 'Accepted', message: 'theirs', observedGeneration: 1 }] };
    const stale = { parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gone' }, controllerName: 'grpcroute-conformance.dev/reference-gateway', conditions: [] };
    const r = route('GRPCRoute', 'shared', { parentRefs: [{ name: 'same-namespace' }] });
    r.status = { parents: [foreign, stale] };
    const next = computeState([...base, sameNamespace, r]).statusOf(r)!;
    const parents = next.parents as { controllerName: string; parentRef: { name: string } }[];
    expect(parents.map((p) => p.parentRef.name)).toEqual(['x', 'same-namespace']);
    expect(parents[0]).toEqual(foreign);
    const faulty = computeState([...base, sameNamespace, r], { faults: ['touches-foreign-conditions'] }).statusOf(r)!;
    expect((faulty.parents as unknown[]).length).toBe(1);
  });

  it('writes no parent entries for Gateways of other classes', () => {
    const theirs = gateway('theirs', [httpListener()], INFRA, 'other-class');
    const r = route('GRPCRoute', 'elsewhere', { parentRefs: [{ name: 'theirs' }] });
    expect(computeState([...base, gatewayClass('other-class', 'example.com/other'), theirs, r]).statusOf(r)).toBeUndefined();
  });
});
