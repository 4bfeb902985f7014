import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../../src/kube/objects.ts';
import { computeState } from './compute-state.ts';
import { APP, INFRA, gateway, gatewayClass, httpListener, namespace, route } from './object-builders.ts';

const base = [gatewayClass(), namespace(INFRA), namespace(APP)];

interface ListenerStatus {
  name: string;
  attachedRoutes: number;
  supportedKinds: { group: string; kind: string }[];
  conditions: Condition[];
}
const listeners = (status: Record<string, unknown> | undefined) => (status?.listeners ?? []) as ListenerStatus[];
const cond = (list: Condition[] | undefined, type: string) => list?.find((c) => c.type === type);

describe('GatewayClass and Gateway status', () => {
  it('accepts our GatewayClass and lists supported features sorted, cross-serving only when exclusive', () => {
    const gc = gatewayClass();
    const status = computeState([gc]).statusOf(gc)!;
    expect(cond(status.conditions as Condition[], 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted', observedGeneration: 1 });
    const names = (status.supportedFeatures as { name: string }[]).map((f) => f.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('GRPCRoute');
    expect(names).not.toContain('GRPCRouteCrossServingExclusive');
    const exclusive = computeState([gc], { crossServing: 'exclusive' }).statusOf(gc)!;
    expect((exclusive.supportedFeatures as { name: string }[]).map((f) => f.name)).toContain('GRPCRouteCrossServingExclusive');
    expect(computeState([gatewayClass('x', 'example.com/other')]).statusOf(gatewayClass('x', 'example.com/other'))).toBeUndefined();
  });

  it('assigns an address, accepts the Gateway and counts only accepted routes per listener', () => {
    const gw = gateway('gw', [httpListener(), httpListener({ name: 'other', port: 8080 })]);
    const a = route('GRPCRoute', 'a', { parentRefs: [{ name: 'gw', sectionName: 'http' }] });
    const b = route('HTTPRoute', 'b', { parentRefs: [{ name: 'gw' }] });
    const rejected = route('GRPCRoute', 'c', { parentRefs: [{ name: 'gw', namespace: INFRA }] }, APP);
    const state = computeState([...base, gw, a, b, rejected]);
    const status = state.statusOf(gw)!;
    expect(status.addresses).toEqual([{ type: 'IPAddress', value: '127.2.0.1' }]);
    expect(cond(status.conditions as Condition[], 'Programmed')).toMatchObject({ status: 'True' });
    expect(listeners(status).map((l) => [l.name, l.attachedRoutes])).toEqual([['http', 2], ['other', 1]]);
    expect(listeners(status)[0]!.supportedKinds.map((k) => k.kind)).toEqual(['GRPCRoute', 'HTTPRoute']);
    for (const type of ['Accepted', 'ResolvedRefs', 'Programmed']) expect(cond(listeners(status)[0]!.conditions, type)).toMatchObject({ status: 'True' });
    expect(cond(listeners(status)[0]!.conditions, 'Conflicted')).toMatchObject({ status: 'False', reason: 'NoConflicts' });
    const wrong = computeState([...base, gw, a, b, rejected], { faults: ['wrong-attached-routes'] }).statusOf(gw)!;
    expect(listeners(wrong).map((l) => l.attachedRoutes)).toEqual([3, 3]);
  });

  it('marks unsupported protocols and invalid route kinds', () => {
    const gw = gateway('gw', [
      { name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' } },
      httpListener({ allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }, { kind: 'TCPRoute' }] } }),
    ]);
    const status = computeState([...base, gw]).statusOf(gw)!;
    const [tls, http] = listeners(status);
    expect(cond(tls!.conditions, 'Accepted')).toMatchObject({ status: 'False', reason: 'UnsupportedProtocol' });
    expect(tls!.supportedKinds).toEqual([]);
    expect(http!.supportedKinds).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' }]);
    expect(cond(http!.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'InvalidRouteKinds' });
    const faulty = listeners(computeState([...base, gw], { faults: ['wrong-supported-kinds'] }).statusOf(gw));
    expect(faulty[1]!.supportedKinds.map((k) => k.kind)).toEqual(['GRPCRoute', 'HTTPRoute']);
  });

  it('resolves HTTPS certificates, refusing cross-namespace refs without a grant and bad secrets', () => {
    const secret = (name: string, ns: string, data: Record<string, string>): KubeObject => ({ kind: 'Secret', metadata: { name, namespace: ns }, type: 'kubernetes.io/tls', data });
    const https = (name: string, ref: { name: string; namespace?: string }) => ({ name, port: 443, protocol: 'HTTPS', hostname: `${name}.example.com`, tls: { certificateRefs: [ref] } });
    const gw = gateway('tls', [https('cross', { name: 'cert', namespace: APP }), https('broken', { name: 'broken' }), https('missing', { name: 'nope' })]);
    const objects = [...base, gw, secret('cert', APP, {}), secret('broken', INFRA, { 'tls.crt': 'eA==', 'tls.key': 'eA==' })];
    const [cross, broken, missing] = listeners(computeState(objects).statusOf(gw));
    expect(cond(cross!.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'RefNotPermitted' });
    expect(cond(broken!.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'InvalidCertificateRef' });
    expect(cond(missing!.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'InvalidCertificateRef' });
    for (const l of [cross, broken, missing]) expect(cond(l!.conditions, 'Programmed')).toMatchObject({ status: 'False', reason: 'InvalidTLSConfig' });
  });

  it('marks listeners sharing a port with another protocol as ProtocolConflict and leaves them unprogrammed, unless the fault hides it', () => {
    const gw = gateway('gw', [
      httpListener({ name: 'plain', port: 443, hostname: 'a.example.com' }),
      { name: 'secure', port: 443, protocol: 'HTTPS', hostname: 'b.example.com', tls: { certificateRefs: [{ name: 'nope' }] } },
    ]);
    const [plain, secure] = listeners(computeState([...base, gw]).statusOf(gw));
    for (const l of [plain, secure]) expect(cond(l!.conditions, 'Conflicted')).toMatchObject({ status: 'True', reason: 'ProtocolConflict' });
    expect(cond(plain!.conditions, 'Programmed')).toMatchObject({ status: 'False', reason: 'Invalid' });
    const [faulty] = listeners(computeState([...base, gw], { faults: ['ignore-listener-conflicts'] }).statusOf(gw));
    expect(cond(faulty!.conditions, 'Conflicted')).toMatchObject({ status: 'False' });
    expect(cond(faulty!.conditions, 'Programmed')).toMatchObject({ status: 'True' });
  });

  it('keeps Gateway conditions it does not own', () => {
    const gw = gateway('gw', [httpListener()]);
    const theirs = { type: 'example.com/Audited', status: 'True' as const, reason: 'Audited', message: 'x', lastTransitionTime: '2026-01-01T00:00:00Z' };
    gw.status = { conditions: [theirs] };
    const conditions = computeState([...base, gw]).statusOf(gw)!.conditions as Condition[];
    expect(conditions[0]).toEqual(theirs);
    expect(conditions.map((c) => c.type)).toEqual(['example.com/Audited', 'Accepted', 'Programmed']);
  });
  it('accepts a Gateway with some invalid listeners with reason ListenersNotValid, and rejects one with none valid', () => {
    const mixed = gateway('mixed', [httpListener(), { name: 'invalid', port: 1111, protocol: 'INVALID' }]);
    const none = gateway('none', [{ name: 'invalid', port: 1111, protocol: 'INVALID' }]);
    const state = computeState([...base, mixed, none]);
    expect(cond(state.statusOf(mixed)!.conditions as Condition[], 'Accepted')).toMatchObject({ status: 'True', reason: 'ListenersNotValid' });
    expect(cond(state.statusOf(mixed)!.conditions as Condition[], 'Programmed')).toMatchObject({ status: 'True' });
    expect(cond(state.statusOf(none)!.conditions as Condition[], 'Accepted')).toMatchObject({ status: 'False', reason: 'ListenersNotValid' });
  });

  it('rejects a Gateway with infrastructure.parametersRef (no parameters kind is supported) with InvalidParameters and does not serve it', () => {
    const gw = gateway('params', [httpListener()]);
    (gw.spec as Record<string, unknown>).infrastructure = { parametersRef: { group: 'invalid.io', kind: 'InvalidParameters', name: 'invalid' } };
    const state = computeState([...base, gw]);
    const conditions = state.statusOf(gw)!.conditions as Condition[];
    expect(cond(conditions, 'Accepted')).toMatchObject({ status: 'False', reason: 'InvalidParameters', observedGeneration: 1 });
    expect(cond(conditions, 'Programmed')).toMatchObject({ status: 'False', reason: 'Invalid' });
    expect(state.config.gateways.map((g) => g.key)).not.toContain(`${INFRA}/params`);
  });
});
