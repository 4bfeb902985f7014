import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../harness/kube/types.ts';
import {
  attachedListenerSets,
  conflictedListener,
  describeConditions,
  gatewayIsReady,
  hasAttachedListenerSets,
  listenerHasConditions,
  listenerSetHasCondition,
  listenerSetListenerHasConditions,
  VALID_LISTENER,
} from '../../suites/listener-set-status.ts';

const condition = (type: string, status: string, reason: string, observedGeneration = 2) => ({ type, status, reason, observedGeneration });

const object = (kind: string, status: object, generation = 2): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind,
  metadata: { name: 'x', namespace: 'grpc-conformance-infra', generation },
  status,
});

const accepted = [condition('Accepted', 'True', 'Accepted'), condition('Programmed', 'True', 'Programmed')];
const valid = [condition('ResolvedRefs', 'True', 'ResolvedRefs'), ...accepted];

describe('attachedListenerSets', () => {
  it('counts an absent field as 0, as upstream does', () => {
    expect(attachedListenerSets(object('Gateway', { conditions: accepted }))).toBe(0);
    expect(attachedListenerSets(object('Gateway', {}))).toBe(0);
    expect(hasAttachedListenerSets(object('Gateway', { conditions: accepted }), 0)).toBe(true);
  });

  it('compares a present field exactly', () => {
    const gateway = object('Gateway', { conditions: accepted, attachedListenerSets: 2 });
    expect(hasAttachedListenerSets(gateway, 2)).toBe(true);
    expect(hasAttachedListenerSets(gateway, 1)).toBe(false);
  });

  it('is not trusted while a Gateway condition lags the generation', () => {
    const stale = object('Gateway', { conditions: [condition('Accepted', 'True', 'Accepted', 1)], attachedListenerSets: 1 });
    expect(hasAttachedListenerSets(stale, 1)).toBe(false);
  });
});

describe('gatewayIsReady', () => {
  it('wants Accepted and Programmed True at the current generation', () => {
    expect(gatewayIsReady(object('Gateway', { conditions: accepted }))).toBe(true);
    expect(gatewayIsReady(object('Gateway', { conditions: [accepted[0]] }))).toBe(false);
    expect(gatewayIsReady(object('Gateway', { conditions: accepted }, 3))).toBe(false);
  });
});

describe('listenerSetHasCondition', () => {
  const notAllowed = object('ListenerSet', { conditions: [condition('Accepted', 'False', 'NotAllowed'), condition('Programmed', 'False', 'NotAllowed')] });

  it('without a reason takes any reason; with one, only that reason', () => {
    expect(listenerSetHasCondition(notAllowed, { type: 'Accepted', status: 'False' })).toBe(true);
    expect(listenerSetHasCondition(notAllowed, { type: 'Accepted', status: 'False', reason: 'NotAllowed' })).toBe(true);
    expect(listenerSetHasCondition(notAllowed, { type: 'Accepted', status: 'False', reason: 'ListenersNotValid' })).toBe(false);
    expect(listenerSetHasCondition(notAllowed, { type: 'Accepted', status: 'True' })).toBe(false);
  });

  it('rejects a stale observedGeneration on any condition, not only the wanted one', () => {
    const stale = object('ListenerSet', { conditions: [condition('Accepted', 'True', 'Accepted'), condition('Programmed', 'True', 'Programmed', 1)] });
    expect(listenerSetHasCondition(stale, { type: 'Accepted', status: 'True', reason: 'Accepted' })).toBe(false);
  });

  it('rejects conditions without observedGeneration, as the CRD defaults them before any controller writes', () => {
    const unstamped = object('ListenerSet', { conditions: [{ type: 'Accepted', status: 'False', reason: 'NotAllowed' }] });
    expect(listenerSetHasCondition(unstamped, { type: 'Accepted', status: 'False', reason: 'NotAllowed' })).toBe(false);
  });
});

describe('listener conditions', () => {
  const listenerSet = object('ListenerSet', {
    conditions: accepted,
    listeners: [
      { name: 'kept', attachedRoutes: 0, conditions: valid },
      { name: 'lost', attachedRoutes: 0, conditions: conflictedListener('HostnameConflict').map((c) => condition(c.type, c.status, c.reason ?? '')) },
    ],
  });

  it('finds the entry by name and wants every condition, any reason where none is given', () => {
    expect(listenerHasConditions(listenerSet, 'kept', VALID_LISTENER)).toBe(true);
    expect(listenerHasConditions(listenerSet, 'lost', conflictedListener('HostnameConflict'))).toBe(true);
    expect(listenerHasConditions(listenerSet, 'lost', conflictedListener('ProtocolConflict'))).toBe(false);
    expect(listenerHasConditions(listenerSet, 'lost', VALID_LISTENER)).toBe(false);
  });

  it('fails for a listener missing from status, and for a status without listeners', () => {
    expect(listenerHasConditions(listenerSet, 'absent', [])).toBe(false);
    expect(listenerHasConditions(object('Gateway', { conditions: accepted }), 'kept', [])).toBe(false);
  });

  it('on a ListenerSet also wants its top-level conditions current', () => {
    expect(listenerSetListenerHasConditions(listenerSet, 'kept', VALID_LISTENER)).toBe(true);
    const stale = { ...listenerSet, metadata: { ...listenerSet.metadata, generation: 3 } };
    expect(listenerSetListenerHasConditions(stale, 'kept', VALID_LISTENER)).toBe(false);
  });
});

describe('describeConditions', () => {
  it('says when any reason will do', () => {
    expect(describeConditions([{ type: 'Accepted', status: 'True' }, { type: 'Programmed', status: 'False', reason: 'NotAllowed' }])).toBe(
      'Accepted=True (any reason), Programmed=False reason NotAllowed',
    );
  });
});
