import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject, Listener } from '../../src/kube/objects.ts';
import { computeState } from './compute-state.ts';
import { APP, INFRA, gateway, gatewayClass, httpListener, namespace, route } from './object-builders.ts';

const base = [gatewayClass(), namespace(INFRA, { side: 'infra' }), namespace(APP, { side: 'app' })];

function withAllowed(gw: KubeObject, namespaces: Record<string, unknown> | undefined): KubeObject {
  const spec = gw.spec as Record<string, unknown>;
  return { ...gw, spec: { ...spec, ...(namespaces ? { allowedListeners: { namespaces } } : {}) } };
}

function listenerSet(name: string, listeners: Listener[], ns = INFRA, created = '2026-01-01T00:00:00Z'): KubeObject {
  return {
    kind: 'ListenerSet',
    metadata: { name, namespace: ns, uid: `uid-${name}`, generation: 2, creationTimestamp: created },
    spec: { parentRef: { name: 'gw', namespace: INFRA }, listeners },
  };
}

interface EntryStatus {
  name: string;
  attachedRoutes: number;
  conditions: Condition[];
}
const condition = (status: Record<string, unknown> | undefined, type: string) => (status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
const entry = (status: Record<string, unknown> | undefined, name: string) => ((status?.listeners ?? []) as EntryStatus[]).find((l) => l.name === name);
const reasons = (e: EntryStatus | undefined) => Object.fromEntries((e?.conditions ?? []).map((c) => [c.type, `${c.status}/${c.reason}`]));

describe('ListenerSets', () => {
  it('attaches none by default, nor with None; marks them NotAllowed at their generation', () => {
    for (const allowed of [undefined, { from: 'None' }]) {
      const gw = withAllowed(gateway('gw', [httpListener()]), allowed);
      const ls = listenerSet('ls', [httpListener({ name: 'x', hostname: 'x.example' })]);
      const state = computeState([...base, gw, ls]);
      expect(condition(state.statusOf(ls), 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowed', observedGeneration: 2 });
      expect(condition(state.statusOf(ls), 'Programmed')).toMatchObject({ status: 'False', reason: 'NotAllowed' });
      expect(state.statusOf(gw)!.attachedListenerSets).toBeUndefined();
      expect(state.config.gateways[0]!.listeners.map((l) => l.name)).toEqual(['http']);
    }
  });

  it('Same admits the Gateway namespace only; Selector matches namespace labels, not the Gateway namespace', () => {
    const inInfra = listenerSet('in-infra', [httpListener({ name: 'x', hostname: 'x.example' })]);
    const inApp = listenerSet('in-app', [httpListener({ name: 'y', hostname: 'y.example' })], APP);
    const same = computeState([...base, withAllowed(gateway('gw', [httpListener()]), { from: 'Same' }), inInfra, inApp]);
    expect(condition(same.statusOf(inInfra), 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted' });
    expect(condition(same.statusOf(inInfra), 'Programmed')).toMatchObject({ status: 'True', reason: 'Programmed' });
    expect(condition(same.statusOf(inApp), 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowed' });
    const selector = { from: 'Selector', selector: { matchLabels: { side: 'app' } } };
    const gw = withAllowed(gateway('gw', [httpListener()]), selector);
    const selected = computeState([...base, gw, inInfra, inApp]);
    expect(condition(selected.statusOf(inApp), 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted' });
    expect(condition(selected.statusOf(inInfra), 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowed' });
    expect(selected.statusOf(gw)!.attachedListenerSets).toBe(1);
    expect(selected.config.gateways[0]!.listeners.map((l) => [l.name, l.hostname])).toEqual([
      ['http', undefined],
      [`ListenerSet ${APP}/in-app y`, 'y.example'],
    ]);
  });

  it('the Gateway wins, then the older ListenerSet; a loser is refused with the conflict on three conditions', () => {
    const gw = withAllowed(gateway('gw', [httpListener({ hostname: 'gw.example' })]), { from: 'Same' });
    const older = listenerSet('b-older', [
      httpListener({ name: 'own', hostname: 'own.example' }),
      httpListener({ name: 'http', hostname: 'gw.example' }),
      { name: 'tcp', port: 80, protocol: 'TCP' },
    ], INFRA, '2026-01-01T00:00:00Z');
    const younger = listenerSet('a-younger', [httpListener({ name: 'own', hostname: 'own.example' })], INFRA, '2026-01-01T00:00:05Z');
    const state = computeState([...base, gw, older, younger]);
    expect(reasons(entry(state.statusOf(older), 'own'))).toMatchObject({ Accepted: 'True/Accepted', Programmed: 'True/Programmed', ResolvedRefs: 'True/ResolvedRefs' });
    expect(reasons(entry(state.statusOf(older), 'http'))).toMatchObject({ Accepted: 'False/HostnameConflict', Programmed: 'False/HostnameConflict', Conflicted: 'True/HostnameConflict' });
    expect(reasons(entry(state.statusOf(older), 'tcp'))).toMatchObject({ Accepted: 'False/ProtocolConflict', Conflicted: 'True/ProtocolConflict' });
    expect(condition(state.statusOf(older), 'Accepted')).toMatchObject({ status: 'True', reason: 'ListenersNotValid' });
    expect(condition(state.statusOf(older), 'Programmed')).toMatchObject({ status: 'True', reason: 'Programmed' });
    expect(condition(state.statusOf(younger), 'Accepted')).toMatchObject({ status: 'False', reason: 'ListenersNotValid' });
    expect(condition(state.statusOf(younger), 'Programmed')).toMatchObject({ status: 'False', reason: 'ListenersNotValid' });
    expect(state.statusOf(gw)!.attachedListenerSets).toBe(1);
    expect(reasons(entry(state.statusOf(gw), 'http'))).toMatchObject({ Accepted: 'True/Accepted', Conflicted: 'False/NoConflicts' });
  });

  it('a ListenerSet of a Gateway that is not accepted is ParentNotAccepted and not counted', () => {
    const base2 = withAllowed(gateway('gw', [httpListener()]), { from: 'Same' });
    const gw = { ...base2, spec: { ...(base2.spec as object), infrastructure: { parametersRef: { group: 'example.com', kind: 'Unknown', name: 'x' } } } };
    const ls = listenerSet('ls', [httpListener({ name: 'x', hostname: 'x.example' })]);
    const state = computeState([...base, gw, ls]);
    expect(condition(state.statusOf(gw), 'Accepted')).toMatchObject({ status: 'False', reason: 'InvalidParameters' });
    expect(condition(state.statusOf(ls), 'Accepted')).toMatchObject({ status: 'False', reason: 'ParentNotAccepted' });
    expect(condition(state.statusOf(ls), 'Programmed')).toMatchObject({ status: 'False', reason: 'ParentNotProgrammed' });
    expect(state.statusOf(gw)!.attachedListenerSets).toBeUndefined();
  });

  it('certificateRefs need a grant from kind ListenerSet; a Gateway grant does not cover them', () => {
    const gw = withAllowed(gateway('gw', [httpListener()]), { from: 'All' });
    const https = { name: 'tls', port: 443, protocol: 'HTTPS', hostname: 'tls.example', tls: { certificateRefs: [{ name: 'cert', namespace: APP }] } };
    const ls = listenerSet('ls', [https]);
    const fromGateway: KubeObject = {
      kind: 'ReferenceGrant',
      metadata: { name: 'g', namespace: APP, uid: 'uid-g', generation: 1 },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: INFRA }], to: [{ group: '', kind: 'Secret' }] },
    };
    const state = computeState([...base, gw, ls, fromGateway]);
    expect(reasons(entry(state.statusOf(ls), 'tls'))).toMatchObject({ ResolvedRefs: 'False/RefNotPermitted' });
    expect(condition(state.statusOf(ls), 'Accepted')).toMatchObject({ status: 'False', reason: 'ListenersNotValid' });
    const borrowed = computeState([...base, gw, ls, fromGateway], { faults: ['listener-set-borrows-gateway-grants'] });
    expect(reasons(entry(borrowed.statusOf(ls), 'tls')).ResolvedRefs).not.toBe('False/RefNotPermitted');
  });
});

describe('routes and ListenerSets', () => {
  const gw = withAllowed(gateway('gw', [httpListener({ hostname: 'gw.example' })]), { from: 'All' });
  const ls = listenerSet('ls', [httpListener({ name: 'http', hostname: 'ls.example' })], APP);
  const toListenerSet = { group: 'gateway.networking.k8s.io', kind: 'ListenerSet', name: 'ls', namespace: APP, sectionName: 'http' };

  it('a route naming the ListenerSet attaches to its listener only, and is served there', () => {
    const viaSet = route('GRPCRoute', 'via-set', { parentRefs: [toListenerSet] }, APP);
    const viaGateway = route('GRPCRoute', 'via-gateway', { parentRefs: [{ name: 'gw', namespace: INFRA }] }, INFRA);
    const state = computeState([...base, gw, ls, viaSet, viaGateway]);
    expect(state.routeCondition(viaSet, 'Accepted')).toMatchObject({ status: 'True' });
    expect(entry(state.statusOf(ls), 'http')?.attachedRoutes).toBe(1);
    expect(entry(state.statusOf(gw), 'http')?.attachedRoutes).toBe(1);
    const served = state.config.gateways[0]!.listeners.map((l) => [l.name, l.routes.map((r) => r.key)]);
    expect(served).toEqual([
      ['http', [`${INFRA}/via-gateway`]],
      [`ListenerSet ${APP}/ls http`, [`${APP}/via-set`]],
    ]);
  });

  it("Same on a ListenerSet listener means the ListenerSet's namespace", () => {
    const fromInfra = route('GRPCRoute', 'from-infra', { parentRefs: [toListenerSet] }, INFRA);
    const state = computeState([...base, gw, ls, fromInfra]);
    expect(state.routeCondition(fromInfra, 'Accepted')).toMatchObject({ status: 'False', reason: 'NotAllowedByListeners' });
  });
});
