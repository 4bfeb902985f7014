import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/kube/objects.ts';
import { computeState } from './compute-state.ts';
import { APP, INFRA, endpointSlice, gateway, gatewayClass, httpListener, namespace, referenceGrant, route, service } from './object-builders.ts';

const base = [gatewayClass(), namespace(INFRA), namespace(APP), service('v1'), endpointSlice('v1', ['127.1.0.1', '127.1.0.2']), service('v2'), endpointSlice('v2', ['127.1.0.3'], INFRA, false)];

describe('compile to DataPlaneConfig', () => {
  it('compiles listeners, hostnames, matches, filters and backends', () => {
    const gw = gateway('gw', [httpListener({ hostname: '*.Example.com' })]);
    const r = route('GRPCRoute', 'r', {
      parentRefs: [{ name: 'gw' }],
      hostnames: ['foo.example.com', 'bar.example.org'],
      rules: [
        {
          name: 'one',
          matches: [{ method: { service: '.pkg.Svc', method: 'Do' }, headers: [{ name: 'X-One', value: 'a' }, { name: 'x-one', value: 'b' }] }],
          filters: [
            { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-S', value: '1' }, { name: 'x-s', value: '2' }], remove: ['X-R'] } },
            { type: 'RequestMirror', requestMirror: { backendRef: { name: 'v2', port: 8080 }, fraction: { numerator: 1, denominator: 4 } } },
            { type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Thing', name: 't' } },
          ],
          backendRefs: [{ name: 'v1', port: 8080, weight: 3 }, { name: 'v2', port: 8080, weight: 0 }],
        },
      ],
    });
    const state = computeState([...base, gw, r], { lowPortOffset: 10000 });
    const [gateway0] = state.config.gateways;
    expect(gateway0).toMatchObject({ key: `${INFRA}/gw`, address: '127.2.0.1' });
    const listener = gateway0!.listeners[0]!;
    expect(listener).toMatchObject({ name: 'http', port: 80, bindPort: 10080, protocol: 'HTTP', hostname: '*.example.com', httpRouteHostnames: [] });
    const compiled = listener.routes[0]!;
    expect(compiled).toMatchObject({ key: `${INFRA}/r`, creationTimestamp: '2026-01-01T00:00:00Z', hostnames: ['foo.example.com'] });
    const rule = compiled.rules[0]!;
    expect(rule.name).toBe('one');
    expect(rule.matches).toEqual([{ method: { type: 'Exact', service: 'pkg.Svc', method: 'Do' }, headers: [{ type: 'Exact', name: 'x-one', value: 'a' }] }]);
    expect(rule.filters[0]).toEqual({ type: 'RequestHeaderModifier', modifier: { set: [{ name: 'x-s', value: '1' }], add: [], remove: ['x-r'] } });
    expect(rule.filters[1]).toMatchObject({ type: 'RequestMirror', numerator: 1, denominator: 4, backend: { key: `${INFRA}/v2:8080`, endpoints: [] } });
    expect(rule.filters[2]).toEqual({ type: 'UnresolvedExtensionRef', ref: `example.com/Thing ${INFRA}/t` });
    expect(rule.backends).toEqual([
      { key: `${INFRA}/v1:8080`, valid: true, weight: 3, endpoints: [{ ip: '127.1.0.1', port: 3000 }, { ip: '127.1.0.2', port: 3000 }], filters: [] },
      { key: `${INFRA}/v2:8080`, valid: true, weight: 0, endpoints: [], filters: [] },
    ]);
    expect(state.routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'InvalidKind' });
  });

  it('leaves the listener hostname out under ignore-listener-hostname', () => {
    const gw = gateway('gw', [httpListener({ hostname: 'a.example.com' })]);
    expect(computeState([...base, gw], { faults: ['ignore-listener-hostname'] }).config.gateways[0]!.listeners[0]!.hostname).toBeUndefined();
  });

  it('attaches TLS from a BackendTLSPolicy and reports it on the policy', () => {
    const gw = gateway('gw', [httpListener()]);
    const r = route('GRPCRoute', 'r', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'v1', port: 8080 }] }] });
    const ca: KubeObject = { kind: 'ConfigMap', metadata: { name: 'ca', namespace: INFRA }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' } };
    const policy: KubeObject = {
      kind: 'BackendTLSPolicy',
      metadata: { name: 'p', namespace: INFRA, generation: 2 },
      spec: { targetRefs: [{ group: '', kind: 'Service', name: 'v1' }], validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }], hostname: 'abc.example.com' } },
    };
    const state = computeState([...base, gw, r, ca, policy]);
    const backend = state.config.gateways[0]!.listeners[0]!.routes[0]!.rules[0]!.backends[0]!;
    expect(backend.tls).toMatchObject({ hostname: 'abc.example.com' });
    expect(backend.tls!.caPem).toContain('BEGIN CERTIFICATE');
    const ancestors = state.statusOf(policy)!.ancestors as { ancestorRef: unknown; controllerName: string; conditions: { type: string; status: string; observedGeneration: number }[] }[];
    expect(ancestors).toHaveLength(1);
    expect(ancestors[0]!.ancestorRef).toEqual({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: INFRA, name: 'gw' });
    expect(ancestors[0]!.conditions.map((c) => [c.type, c.status, c.observedGeneration])).toEqual([['Accepted', 'True', 2], ['ResolvedRefs', 'True', 2]]);
    const ignored = computeState([...base, gw, r, ca, policy], { faults: ['ignore-backend-tls-policy'] });
    expect(ignored.config.gateways[0]!.listeners[0]!.routes[0]!.rules[0]!.backends[0]!.tls).toBeUndefined();
  });

  it('rejects the younger of an intersecting HTTPRoute/GRPCRoute pair only in exclusive mode', () => {
    const gw = gateway('gw', [httpListener()]);
    const older = route('HTTPRoute', 'web', { parentRefs: [{ name: 'gw' }], hostnames: ['a.example.com'] }, INFRA, { creationTimestamp: '2026-01-01T00:00:00Z' });
    const younger = route('GRPCRoute', 'grpc', { parentRefs: [{ name: 'gw' }], hostnames: ['*.example.com'] }, INFRA, { creationTimestamp: '2026-01-02T00:00:00Z' });
    const allow = computeState([...base, gw, older, younger]);
    expect(allow.routeCondition(younger, 'Accepted')).toMatchObject({ status: 'True' });
    expect(allow.config.gateways[0]!.listeners[0]!.httpRouteHostnames).toEqual(['a.example.com']);
    const exclusive = computeState([...base, gw, older, younger], { crossServing: 'exclusive' });
    expect(exclusive.routeCondition(younger, 'Accepted')).toMatchObject({ status: 'False' });
    expect(exclusive.routeCondition(older, 'Accepted')).toMatchObject({ status: 'True' });
    expect(exclusive.config.gateways[0]!.listeners[0]!.routes).toEqual([]);
  });

  it('honours a grant, and keeps honouring it after revocation only under keep-revoked-grant', async () => {
    const { ReferencePolicy } = await import('../../src/controller/reference-grants.ts');
    const gw = gateway('gw', [httpListener()]);
    const r = route('GRPCRoute', 'r', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'app', namespace: APP, port: 8080 }] }] });
    const objects = [...base, gw, r, service('app', APP)];
    for (const [faults, afterRevoke] of [[[], 'False'], [['keep-revoked-grant'], 'True']] as const) {
      const references = new ReferencePolicy(new Set(faults));
      expect(computeState([...objects, referenceGrant('g', APP, INFRA)], { references }).routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'True' });
      expect(computeState(objects, { references }).routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: afterRevoke });
    }
    expect(computeState(objects, { faults: ['ignore-reference-grant'] }).routeCondition(r, 'ResolvedRefs')).toMatchObject({ status: 'True' });
  });
});
