import type { KubeObject } from '../harness/kube/types.ts';
import { hasCondition, hasLatestConditions } from './gateway-status.ts';

/** A condition a test asks for; no reason means any reason, as upstream's empty Reason does. */
export interface WantedCondition {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly reason?: string;
}

/** What upstream asks of every listener it expects to be valid: ResolvedRefs, Accepted and Programmed True. */
export const VALID_LISTENER: readonly WantedCondition[] = [
  { type: 'ResolvedRefs', status: 'True' },
  { type: 'Accepted', status: 'True' },
  { type: 'Programmed', status: 'True' },
];

/** A listener that lost on precedence: not accepted, not programmed, and Conflicted, all for the same reason. */
export const conflictedListener = (reason: 'HostnameConflict' | 'ProtocolConflict'): readonly WantedCondition[] => [
  { type: 'Accepted', status: 'False', reason },
  { type: 'Programmed', status: 'False', reason },
  { type: 'Conflicted', status: 'True', reason },
];

/** A ListenerSet attached with every listener valid: upstream wants the True reasons exactly. */
export const ATTACHED: readonly WantedCondition[] = [
  { type: 'Accepted', status: 'True', reason: 'Accepted' },
  { type: 'Programmed', status: 'True', reason: 'Programmed' },
];

/** Attached although some listeners lost: Accepted may say ListenersNotValid with True, so any reason; Programmed still Programmed. */
export const ATTACHED_WITH_INVALID_LISTENERS: readonly WantedCondition[] = [
  { type: 'Accepted', status: 'True' },
  { type: 'Programmed', status: 'True', reason: 'Programmed' },
];

/** The two top-level conditions of a ListenerSet the Gateway refuses to take (allowedListeners). */
export const NOT_ALLOWED: readonly WantedCondition[] = [
  { type: 'Accepted', status: 'False', reason: 'NotAllowed' },
  { type: 'Programmed', status: 'False', reason: 'NotAllowed' },
];

/** The two top-level conditions of a ListenerSet none of whose listeners is valid. */
export const LISTENERS_NOT_VALID: readonly WantedCondition[] = [
  { type: 'Accepted', status: 'False', reason: 'ListenersNotValid' },
  { type: 'Programmed', status: 'False', reason: 'ListenersNotValid' },
];

export const describeConditions = (wanted: readonly WantedCondition[]): string =>
  wanted.map((c) => `${c.type}=${c.status} ${c.reason === undefined ? '(any reason)' : `reason ${c.reason}`}`).join(', ');

/** status.attachedListenerSets; the field is optional and upstream reads an absent one as 0. */
export function attachedListenerSets(gateway: KubeObject): number {
  const count = (gateway.status as { attachedListenerSets?: unknown } | undefined)?.attachedListenerSets;
  return typeof count === 'number' ? count : 0;
}

/** The count only means something once the Gateway's conditions describe its current generation. */
export const hasAttachedListenerSets = (gateway: KubeObject, count: number): boolean =>
  hasLatestConditions(gateway) && attachedListenerSets(gateway) === count;

/** What upstream's NamespacesMustBeReady asks of every Gateway in the infra namespace. */
export const gatewayIsReady = (gateway: KubeObject): boolean =>
  hasLatestConditions(gateway) && hasCondition(gateway, { type: 'Accepted', status: 'True' }) && hasCondition(gateway, { type: 'Programmed', status: 'True' });

/**
 * Upstream's ListenerSetMustHaveCondition: every top-level condition is at the current generation
 * (the CRD's default Pending conditions carry none, so an unreconciled ListenerSet fails), and one
 * of them is `wanted`.
 */
export const listenerSetHasCondition = (listenerSet: KubeObject, wanted: WantedCondition): boolean =>
  hasLatestConditions(listenerSet) && hasCondition(listenerSet, wanted);

interface ListenerStatus {
  readonly name?: string;
  readonly conditions?: readonly { type: string; status: string; reason?: string }[];
}

/** The status.listeners entry named `listener` (Gateway or ListenerSet) holds every wanted condition; a missing entry fails. */
export function listenerHasConditions(object: KubeObject, listener: string, wanted: readonly WantedCondition[]): boolean {
  const listed = (object.status as { listeners?: unknown } | undefined)?.listeners;
  const entry = Array.isArray(listed) ? (listed as ListenerStatus[]).find((l) => l.name === listener) : undefined;
  if (entry === undefined) return false;
  const conditions = entry.conditions ?? [];
  return wanted.every((w) => conditions.some((c) => c.type === w.type && c.status === w.status && (w.reason === undefined || c.reason === w.reason)));
}

/** Upstream's ListenerSetListenersMustHaveConditions also wants the ListenerSet's own conditions current. */
export const listenerSetListenerHasConditions = (listenerSet: KubeObject, listener: string, wanted: readonly WantedCondition[]): boolean =>
  hasLatestConditions(listenerSet) && listenerHasConditions(listenerSet, listener, wanted);
