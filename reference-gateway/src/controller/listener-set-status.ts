import type { Condition, ListenerSet } from '../kube/objects.ts';
import type { DesiredCondition } from './conditions.ts';
import { condition, mergeConditions } from './conditions.ts';
import { parametersRejection } from './gateway-parameters.ts';
import { acceptedCondition } from './gateway-status.ts';
import type { ListenerSetState } from './listener-sets.ts';
import type { ListenerState, RouteKind } from './listener-status.ts';
import type { ControllerSettings } from './settings.ts';

const SET_TYPES = new Set(['Accepted', 'Programmed']);
const LISTENER_TYPES = new Set(['Accepted', 'ResolvedRefs', 'Programmed', 'Conflicted']);

interface ListenerEntryStatus {
  name: string;
  supportedKinds: RouteKind[];
  attachedRoutes: number;
  conditions: Condition[];
}

const has = (l: ListenerState, type: string, status: string): boolean => l.conditions.some((c) => c.type === type && c.status === status);
const valid = (l: ListenerState): boolean => l.programmed && has(l, 'Accepted', 'True') && has(l, 'ResolvedRefs', 'True');

/** Whether the ListenerSet counts in its Gateway's status.attachedListenerSets. */
export function isAttached(state: ListenerSetState): boolean {
  return setConditions(state)[0]!.status === 'True';
}

/**
 * Accepted and Programmed "MUST be set on every ListenerSet", and cover only its own listeners:
 * NotAllowed when allowedListeners does not select it, ParentNotAccepted when its Gateway is not
 * accepted, ListenersNotValid (False) when none of its listeners is valid, ListenersNotValid (True)
 * on Accepted when only some are.
 */
export function setConditions(state: ListenerSetState, faults: ReadonlySet<string> = new Set()): DesiredCondition[] {
  const generation = state.listenerSet.metadata.generation;
  if (!state.allowed) {
    const message = `Gateway ${state.gateway.key} does not allow ListenerSets from namespace ${state.listenerSet.metadata.namespace}`;
    return [condition('Accepted', 'False', 'NotAllowed', message, generation), condition('Programmed', 'False', 'NotAllowed', message, generation)];
  }
  if (acceptedCondition(state.gateway, faults.has('ignore-parameters-ref')).status !== 'True') {
    const message = `Gateway ${state.gateway.key} is not accepted`;
    return [condition('Accepted', 'False', 'ParentNotAccepted', message, generation), condition('Programmed', 'False', 'ParentNotProgrammed', message, generation)];
  }
  const invalid = state.listeners.filter((l) => !valid(l)).map((l) => l.listener.name);
  if (invalid.length === state.listeners.length) {
    const message = 'No listener is valid';
    return [condition('Accepted', 'False', 'ListenersNotValid', message, generation), condition('Programmed', 'False', 'ListenersNotValid', message, generation)];
  }
  const accepted = invalid.length === 0 || faults.has('listener-set-partly-valid-accepted')
    ? condition('Accepted', 'True', 'Accepted', 'ListenerSet is accepted', generation)
    : condition('Accepted', 'True', 'ListenersNotValid', `ListenerSet is accepted; listeners not valid: ${invalid.join(', ')}`, generation);
  const parentServed = state.gateway.address !== undefined && !parametersRejection(state.gateway.gateway);
  const programmed = parentServed
    ? condition('Programmed', 'True', 'Programmed', `Valid listeners are served at ${state.gateway.address}`, generation)
    : condition('Programmed', 'False', 'ParentNotProgrammed', `Gateway ${state.gateway.key} is not served`, generation);
  return [accepted, programmed];
}

/** The ListenerSet's status: its conditions and one entry per listener of its own, never the Gateway's. */
export function mergeListenerSetStatus(
  current: ListenerSet['status'],
  state: ListenerSetState,
  attachedRoutes: ReadonlyMap<string, number>,
  settings: ControllerSettings,
  now: string,
): Record<string, unknown> {
  const foreign = settings.faults.has('touches-foreign-conditions') ? 'all-undesired' : SET_TYPES;
  const previous = new Map(((current?.listeners ?? []) as ListenerEntryStatus[]).map((l) => [l.name, l]));
  return {
    ...(current ?? {}),
    conditions: mergeConditions(current?.conditions, setConditions(state, settings.faults), now, foreign),
    listeners: state.listeners.map(
      (l): ListenerEntryStatus => ({
        name: l.listener.name,
        supportedKinds: l.supportedKinds.map((k) => ({ group: k.group, kind: k.kind })),
        // Routes count here only through parentRefs of kind ListenerSet; a Gateway parentRef never reaches these listeners.
        attachedRoutes: attachedRoutes.get(l.listener.name) ?? 0,
        conditions: mergeConditions(previous.get(l.listener.name)?.conditions, withoutNoConflicts(l.conditions, settings), now, LISTENER_TYPES),
      }),
    ),
  };
}

function withoutNoConflicts(conditions: readonly DesiredCondition[], settings: ControllerSettings): readonly DesiredCondition[] {
  if (!settings.faults.has('listener-set-winners-without-conflicted')) return conditions;
  return conditions.filter((c) => !(c.type === 'Conflicted' && c.status === 'False'));
}
