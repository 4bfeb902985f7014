import type { Listener, ListenerSet } from '../kube/objects.ts';
import { objectKey } from '../kube/objects.ts';
import { GATEWAY_GROUP } from '../kube/resources.ts';
import { selectorMatches } from './label-selector.ts';
import type { ListenerContext, ListenerOwner, ListenerState } from './listener-status.ts';
import { conflictOf, evaluateListener } from './listener-status.ts';
import type { GatewayState } from './route-attachment.ts';

/** One ListenerSet whose parentRef names one of our Gateways. */
export interface ListenerSetState {
  readonly listenerSet: ListenerSet;
  readonly key: string;
  readonly gateway: GatewayState;
  /** Selected by the Gateway's allowedListeners. */
  readonly allowed: boolean;
  /** In spec order, under their own names; empty when not allowed. */
  readonly listeners: readonly ListenerState[];
}

/** The Gateway key a ListenerSet's parentRef points at, or undefined when it is not a Gateway. */
export function listenerSetParentKey(listenerSet: ListenerSet): string | undefined {
  const ref = listenerSet.spec.parentRef;
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') return undefined;
  return `${ref.namespace ?? listenerSet.metadata.namespace}/${ref.name}`;
}

/**
 * "By default a Gateway MUST NOT allow ListenerSets to be attached": no allowedListeners, or no
 * namespaces in it, or `None`, allows none; `Same` the Gateway's namespace, `Selector` namespaces
 * whose labels match, `All` any.
 */
export function allowsListenerSet(state: GatewayState, namespace: string, context: ListenerContext): boolean {
  if (context.settings.faults.has('listener-sets-always-allowed')) return true;
  const from = state.gateway.spec.allowedListeners?.namespaces;
  switch (from?.from ?? 'None') {
    case 'All':
      return true;
    case 'Same':
      return namespace === state.gateway.metadata.namespace;
    case 'Selector':
      if (context.settings.faults.has('listener-set-selector-ignored')) return true;
      return from?.selector !== undefined && selectorMatches(from.selector, context.snapshot.namespaces.get(namespace)?.metadata.labels);
    default:
      return false;
  }
}

/**
 * Merges each Gateway's listeners with its allowed ListenerSets' in the order the API asks: the
 * Gateway first, then ListenerSets oldest first, then by `namespace/name`, each in spec order. A
 * listener is compared only with those accepted before it, so the earlier one wins a conflict.
 */
export function evaluateListenerSets(gateways: ReadonlyMap<string, GatewayState>, context: ListenerContext): ListenerSetState[] {
  const ours = context.snapshot.listenerSets.flatMap((listenerSet) => {
    const gateway = gateways.get(listenerSetParentKey(listenerSet) ?? '');
    return gateway ? [{ listenerSet, gateway, allowed: allowsListenerSet(gateway, listenerSet.metadata.namespace ?? '', context) }] : [];
  });
  const taken = new Map<GatewayState, Listener[]>();
  const accepted = (l: ListenerState): boolean => l.conditions.some((c) => c.type === 'Accepted' && c.status === 'True');
  const newestFirst = context.settings.faults.has('listener-set-newest-first');
  return ours.sort((a, b) => (newestFirst ? -1 : 1) * byPrecedence(a, b)).map(({ listenerSet, gateway, allowed }): ListenerSetState => {
    const key = objectKey(listenerSet);
    if (!allowed) return { listenerSet, key, gateway, allowed, listeners: [] };
    let earlier = taken.get(gateway);
    if (!earlier) taken.set(gateway, (earlier = gateway.listeners.filter(accepted).map((l) => l.listener)));
    const owner: ListenerOwner = context.settings.faults.has('listener-set-borrows-gateway-grants')
      ? { kind: 'Gateway', namespace: gateway.gateway.metadata.namespace ?? '', generation: listenerSet.metadata.generation }
      : { kind: 'ListenerSet', namespace: listenerSet.metadata.namespace ?? '', generation: listenerSet.metadata.generation };
    const listeners = (listenerSet.spec.listeners ?? []).map((listener) => {
      const conflict = context.settings.faults.has('listener-set-conflicts-ignored') ? undefined : conflictOf(listener, earlier);
      const state = evaluateListener(listener, owner, conflict, context);
      if (accepted(state)) earlier.push(listener);
      return { ...state, servedName: `ListenerSet ${key} ${listener.name}` };
    });
    return { listenerSet, key, gateway, allowed, listeners };
  });
}

function byPrecedence(a: { listenerSet: ListenerSet }, b: { listenerSet: ListenerSet }): number {
  const order = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  // RFC 3339 times in UTC with a fixed layout: string order is time order.
  const created = order(a.listenerSet.metadata.creationTimestamp ?? '', b.listenerSet.metadata.creationTimestamp ?? '');
  return created !== 0 ? created : order(objectKey(a.listenerSet), objectKey(b.listenerSet));
}

/** Listeners the data plane serves for a Gateway's ListenerSets (each under its unique servedName). */
export function servedListenerSetListeners(states: readonly ListenerSetState[], gateway: GatewayState): ListenerState[] {
  return states.filter((s) => s.gateway === gateway).flatMap((s) => s.listeners.filter((l) => l.programmed));
}

/**
 * Each attached ListenerSet as a parent routes may name: its own listeners only ("the ListenerSet is
 * the direct parent"), `Same` meaning its namespace, served at its Gateway's address.
 */
export function listenerSetParents(states: readonly ListenerSetState[], attached: (state: ListenerSetState) => boolean): Map<string, GatewayState> {
  return new Map(
    states.filter(attached).map((s) => [
      s.key,
      { ...s.gateway, key: s.key, listeners: s.listeners, listenerSet: { namespace: s.listenerSet.metadata.namespace ?? '', label: `ListenerSet ${s.key}` } },
    ]),
  );
}
