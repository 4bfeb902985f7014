import { describe, expect, it } from 'vitest';
import { resolveGatewayAddress, splitHostPort } from '../../harness/kube/gateway-address.ts';
import { toLabelValue } from '../../harness/kube/labels.ts';
import { conditionProblems, describeConditions, parentMatches } from '../../harness/kube/status.ts';
import type { KubeObject } from '../../harness/kube/types.ts';

const gateway = (ns: string, name: string, port: number): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name, namespace: ns },
  spec: { listeners: [{ name: 'http', port, protocol: 'HTTP' }] },
  status: { addresses: [{ type: 'IPAddress', value: '127.2.0.5' }] },
});

describe('dial mapping', () => {
  it('adds the low-port offset only to privileged ports', () => {
    const dial = { lowPortOffset: 10000, gatewayAddresses: {} };
    expect(resolveGatewayAddress(gateway('infra', 'gw', 80), 'http', dial, 'infra')).toEqual({ host: '127.2.0.5', port: 80, dialHost: '127.2.0.5', dialPort: 10080 });
    expect(resolveGatewayAddress(gateway('infra', 'gw', 8080), undefined, dial, 'infra')?.dialPort).toBe(8080);
  });

  it('lets --gateway-address override host and port by ns/name or bare name in infra', () => {
    const byId = { lowPortOffset: 0, gatewayAddresses: { 'infra/gw': '127.0.0.9:9000' } };
    expect(resolveGatewayAddress(gateway('infra', 'gw', 80), 'http', byId, 'infra')).toMatchObject({ host: '127.2.0.5', dialHost: '127.0.0.9', dialPort: 9000 });
    const byName = { lowPortOffset: 0, gatewayAddresses: { gw: '127.0.0.8' } };
    expect(resolveGatewayAddress(gateway('infra', 'gw', 80), 'http', byName, 'infra')).toMatchObject({ dialHost: '127.0.0.8', dialPort: 80 });
    expect(splitHostPort('[::1]:8443')).toEqual({ host: '::1', port: 8443 });
  });

  it('sends the connection through --dial-map last, by host:port or by host, keeping :authority', () => {
    const byHostPort = { lowPortOffset: 10000, gatewayAddresses: {}, dialMap: { '127.2.0.5:10080': '127.0.0.1:18080' } };
    expect(resolveGatewayAddress(gateway('infra', 'gw', 80), 'http', byHostPort, 'infra')).toEqual({ host: '127.2.0.5', port: 80, dialHost: '127.0.0.1', dialPort: 18080 });
    const byHost = { lowPortOffset: 0, gatewayAddresses: { gw: '203.0.113.7' }, dialMap: { '203.0.113.7': '127.0.0.1' } };
    expect(resolveGatewayAddress(gateway('infra', 'gw', 8080), 'http', byHost, 'infra')).toMatchObject({ dialHost: '127.0.0.1', dialPort: 8080 });
  });

  it('returns undefined without a typed address and throws for an unknown listener', () => {
    const g = gateway('infra', 'gw', 80);
    g.status = { addresses: [{ value: '127.2.0.5' }] };
    expect(resolveGatewayAddress(g, 'http', { lowPortOffset: 0, gatewayAddresses: {} }, 'infra')).toBeUndefined();
    expect(() => resolveGatewayAddress(g, 'nope', { lowPortOffset: 0, gatewayAddresses: {} }, 'infra')).toThrow(/no listener nope/);
  });
});

describe('conditions', () => {
  const conditions = [
    { type: 'Accepted', status: 'True', reason: 'Accepted', observedGeneration: 2, message: 'Route is accepted' },
    { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', observedGeneration: 1 },
  ];

  it('names every unmet expectation and every stale condition', () => {
    const problems = conditionProblems(conditions, [{ type: 'ResolvedRefs', status: 'True' }, { type: 'Programmed', status: 'True' }], 2);
    expect(problems).toEqual([
      'ResolvedRefs is False, want True',
      'no Programmed condition',
      'ResolvedRefs observedGeneration 1 != generation 2',
    ]);
    expect(conditionProblems(conditions.slice(0, 1), [{ type: 'Accepted', status: 'True', messageIncludes: ['ACCEPTED'] }], 2)).toEqual([]);
  });

  it('describes conditions with status, reason, observedGeneration and message', () => {
    expect(describeConditions(conditions)).toBe('[Accepted=True Accepted og=2 "Route is accepted"; ResolvedRefs=False BackendNotFound og=1]');
  });

  it('matches parents by controller, Gateway, namespace defaulting and sectionName', () => {
    const entry = { controllerName: 'c', parentRef: { name: 'gw', sectionName: 'http' }, conditions: [] };
    expect(parentMatches(entry, { name: 'gw', namespace: 'infra' }, 'infra', 'c')).toBe(true);
    expect(parentMatches(entry, { name: 'gw', namespace: 'infra', sectionName: 'https' }, 'infra', 'c')).toBe(false);
    expect(parentMatches(entry, { name: 'gw', namespace: 'other' }, 'infra', 'c')).toBe(false);
    expect(parentMatches(entry, { name: 'gw', namespace: 'infra' }, 'infra', 'someone-else')).toBe(false);
  });

  it('tells a ListenerSet parent from a Gateway of the same name', () => {
    const toSet = { controllerName: 'c', parentRef: { group: 'gateway.networking.k8s.io', kind: 'ListenerSet', name: 'gw' }, conditions: [] };
    expect(parentMatches(toSet, { name: 'gw', namespace: 'infra' }, 'infra', 'c')).toBe(false);
    expect(parentMatches(toSet, { kind: 'ListenerSet', name: 'gw', namespace: 'infra' }, 'infra', 'c')).toBe(true);
    const toGateway = { controllerName: 'c', parentRef: { name: 'gw' }, conditions: [] };
    expect(parentMatches(toGateway, { kind: 'ListenerSet', name: 'gw', namespace: 'infra' }, 'infra', 'c')).toBe(false);
  });
});

describe('label values', () => {
  it('keeps valid names and shortens or cleans others without collisions', () => {
    expect(toLabelValue('GRPCRouteHeaderMatching')).toBe('GRPCRouteHeaderMatching');
    const long = toLabelValue('X'.repeat(80));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).not.toBe(toLabelValue(`${'X'.repeat(79)}Y`));
    expect(toLabelValue('a b/c')).toMatch(/^a-b-c-[0-9a-f]{8}$/);
  });
});
