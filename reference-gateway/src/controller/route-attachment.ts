import type { AddressProblem } from './gateway-addresses.ts';
import type { Gateway, ParentReference, Route } from '../kube/objects.ts';
import { GATEWAY_GROUP } from '../kube/resources.ts';
import { intersectHostnames } from './hostnames.ts';
import { selectorMatches } from './label-selector.ts';
import type { ListenerState } from './listener-status.ts';
import type { ControllerSettings } from './settings.ts';
import type { Snapshot } from './snapshot.ts';

/** One of our Gateways after listener validation. */
export interface GatewayState {
  readonly gateway: Gateway;
  /** `namespace/name`. */
  readonly key: string;
  /** Absent when spec.addresses cannot be honoured (`addressProblem`): the Gateway is then not served. */
  readonly address?: string;
  readonly addressProblem?: AddressProblem;
  readonly listeners: readonly ListenerState[];
  /** Valid listeners of its ListenerSets, under unique names: served, never attached to by its routes. */
  readonly listenerSetListeners?: readonly ListenerState[];
  /** How many ListenerSets are attached (Accepted). */
  readonly attachedListenerSets?: number;
  /** For a ListenerSet as a route's parent: its namespace, which `Same` admits routes from, and its name in messages. */
  readonly listenerSet?: { readonly namespace: string; readonly label: string };
}

export interface ListenerAttachment {
  readonly listener: ListenerState;
  /** Effective hostnames on this listener (lower-case; empty = any host). */
  readonly hostnames: readonly string[];
}

export interface Rejection {
  readonly reason: 'NotAllowedByListeners' | 'NoMatchingListenerHostname' | 'NoMatchingParent';
  readonly message: string;
}

/** How one parentRef of a route attaches to one of our Gateways. */
export interface ParentAttachment {
  /** The spec parentRef with group and kind written out (what status.parents[].parentRef carries). */
  readonly parentRef: ParentReference;
  readonly gateway: GatewayState;
  /** Listeners that accept the route; empty means rejected. */
  readonly listeners: readonly ListenerAttachment[];
  readonly rejection?: Rejection;
}

/** Normalises a parentRef for status and comparisons: group and kind explicit, namespace as written. */
export function statusParentRef(ref: ParentReference): ParentReference {
  const out: ParentReference = { group: ref.group ?? GATEWAY_GROUP, kind: ref.kind ?? 'Gateway', name: ref.name };
  if (ref.namespace !== undefined) out.namespace = ref.namespace;
  if (ref.sectionName !== undefined) out.sectionName = ref.sectionName;
  if (ref.port !== undefined) out.port = ref.port;
  return out;
}

/** The ListenerSet key a parentRef points at, or undefined when it is not a ListenerSet parent. */
export function parentListenerSetKey(route: Route, ref: ParentReference): string | undefined {
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || ref.kind !== 'ListenerSet') return undefined;
  return `${ref.namespace ?? route.metadata.namespace}/${ref.name}`;
}

const parentLabel = (state: GatewayState): string => state.listenerSet?.label ?? `Gateway ${state.key}`;

/** The Gateway key a parentRef points at, or undefined when it is not a Gateway parent. */
export function parentGatewayKey(route: Route, ref: ParentReference): string | undefined {
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') return undefined;
  return `${ref.namespace ?? route.metadata.namespace}/${ref.name}`;
}

/**
 * Selects listeners by sectionName/port, then admits by allowedRoutes (namespaces and kinds), then by
 * hostname intersection. The first stage that leaves nothing names the rejection reason.
 */
export function attachToParent(
  route: Route,
  ref: ParentReference,
  gateway: GatewayState,
  snapshot: Snapshot,
  settings: ControllerSettings,
): ParentAttachment {
  const parentRef = statusParentRef(ref);
  const faults = settings.faults;
  const sectionName = faults.has('ignore-section-name') ? undefined : ref.sectionName;
  const reachesSets = faults.has('gateway-routes-reach-listener-sets') && !gateway.listenerSet && sectionName === undefined;
  const candidates = reachesSets ? [...gateway.listeners, ...(gateway.listenerSetListeners ?? [])] : gateway.listeners;
  const selected = candidates.filter(
    (l) => (sectionName === undefined || l.listener.name === sectionName) && (ref.port === undefined || l.listener.port === ref.port),
  );
  const reject = (reason: Rejection['reason'], message: string): ParentAttachment => ({ parentRef, gateway, listeners: [], rejection: { reason, message } });
  if (selected.length === 0) {
    const what = [sectionName !== undefined && `sectionName ${sectionName}`, ref.port !== undefined && `port ${ref.port}`].filter(Boolean).join(' and ');
    return reject('NoMatchingParent', `No listener of ${parentLabel(gateway)} matches ${what}`);
  }
  const admitted = selected.filter((l) => kindAdmitted(route, l) && (faults.has('accept-disallowed-namespace') || namespaceAdmitted(route, l, sameNamespaceOf(gateway, faults), snapshot)));
  if (admitted.length === 0) {
    return reject('NotAllowedByListeners', `No selected listener of ${parentLabel(gateway)} allows ${route.kind} from namespace ${route.metadata.namespace}`);
  }
  const listeners: ListenerAttachment[] = [];
  for (const listener of admitted) {
    if (faults.has('ignore-hostname-intersection')) {
      const written = (route.spec.hostnames ?? []).map((h) => h.toLowerCase());
      listeners.push({ listener, hostnames: written.length > 0 ? written : intersectHostnames(listener.listener.hostname, []).hostnames });
      continue;
    }
    const intersection = intersectHostnames(listener.listener.hostname, route.spec.hostnames);
    if (intersection.intersects) listeners.push({ listener, hostnames: intersection.hostnames });
  }
  if (listeners.length === 0) {
    return reject('NoMatchingListenerHostname', `No route hostname intersects a hostname of the selected listeners of ${parentLabel(gateway)}`);
  }
  return { parentRef, gateway, listeners };
}

function sameNamespaceOf(parent: GatewayState, faults: ReadonlySet<string>): string | undefined {
  const gatewayNamespace = parent.gateway.metadata.namespace;
  return faults.has('listener-set-same-is-gateway-namespace') ? gatewayNamespace : (parent.listenerSet?.namespace ?? gatewayNamespace);
}

function kindAdmitted(route: Route, listener: ListenerState): boolean {
  return listener.admittedKinds.some((k) => k.kind === route.kind);
}

// `Same` is the parent's namespace: the Gateway's, or the ListenerSet's for its listeners (GEP-1713).
function namespaceAdmitted(route: Route, listener: ListenerState, parentNamespace: string | undefined, snapshot: Snapshot): boolean {
  const namespaces = listener.listener.allowedRoutes?.namespaces;
  const from = namespaces?.from ?? 'Same';
  const routeNamespace = route.metadata.namespace ?? '';
  if (from === 'All') return true;
  if (from === 'Same') return routeNamespace === parentNamespace;
  if (from === 'Selector') {
    const namespace = snapshot.namespaces.get(routeNamespace);
    return namespace !== undefined && selectorMatches(namespaces?.selector, namespace.metadata.labels);
  }
  return false;
}
