import type { ListenerSetScenario } from './listener-set-checks.ts';
import { ATTACHED_WITH_INVALID_LISTENERS, conflictedListener, LISTENERS_NOT_VALID, VALID_LISTENER } from './listener-set-status.ts';

/**
 * The expectations ListenerSetHostnameConflict and ListenerSetProtocolConflict share: their
 * fixtures differ only in the word (hostname, protocol) in the names and in how the losing
 * listeners clash. The Gateway's two listeners win; of the four ListenerSets, applied oldest first
 * (and in namespace/name order too, should two share a creation second), the first of each pair
 * keeps the listener it shares with the later one, so two ListenerSets still have a valid listener
 * and attach, and two are left with none.
 */
export function precedenceScenario(word: 'hostname' | 'protocol'): ListenerSetScenario {
  const conflicted = conflictedListener(word === 'hostname' ? 'HostnameConflict' : 'ProtocolConflict');
  const withGateway = `${word}-conflict-with-gateway-listener`;
  const withListenerSet = `${word}-conflict-with-listener-set-listener`;
  const set = (suffix: string) => `listenerset-with-${word}-conflict-with-${suffix}`;
  return {
    gateway: `gateway-with-listenerset-${word}-conflict`,
    gatewayListeners: [
      { name: 'gateway-listener', conditions: VALID_LISTENER },
      { name: withGateway, conditions: VALID_LISTENER },
    ],
    attachedListenerSets: 2,
    listenerSets: [
      {
        name: set('gateway-1'),
        conditions: ATTACHED_WITH_INVALID_LISTENERS,
        listeners: [
          { name: 'listener-set-1-listener', conditions: VALID_LISTENER },
          { name: withGateway, conditions: conflicted },
          { name: withListenerSet, conditions: VALID_LISTENER },
        ],
      },
      { name: set('gateway-2'), conditions: LISTENERS_NOT_VALID, listeners: [{ name: withGateway, conditions: conflicted }] },
      {
        name: set('listener-set-1'),
        conditions: ATTACHED_WITH_INVALID_LISTENERS,
        listeners: [
          { name: 'listener-set-2-listener', conditions: VALID_LISTENER },
          { name: withListenerSet, conditions: conflicted },
        ],
      },
      { name: set('listener-set-2'), conditions: LISTENERS_NOT_VALID, listeners: [{ name: withListenerSet, conditions: conflicted }] },
    ],
  };
}
