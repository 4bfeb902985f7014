import type { Condition, Gateway, GatewayClass } from '../kube/objects.ts';
import type { DesiredCondition } from './conditions.ts';
import { condition, keepGenerationUnlessChanged, mergeConditions } from './conditions.ts';
import type { RouteKind } from './listener-status.ts';
import type { GatewayState } from './route-attachment.ts';
import type { ControllerSettings } from './settings.ts';
import { parametersRejection } from './gateway-parameters.ts';
import { supportedFeatures } from './supported-features.ts';

export interface ListenerStatusDesired {
  readonly name: string;
  readonly supportedKinds: readonly RouteKind[];
  readonly attachedRoutes: number;
  readonly conditions: readonly DesiredCondition[];
}

export interface GatewayStatusDesired {
  readonly addresses: readonly { readonly type: 'IPAddress'; readonly value: string }[];
  readonly conditions: readonly DesiredCondition[];
  readonly listeners: readonly ListenerStatusDesired[];
  readonly attachedListenerSets: number;
}

interface ListenerStatus {
  name: string;
  supportedKinds: RouteKind[];
  attachedRoutes: number;
  conditions: Condition[];
}

const GATEWAY_TYPES = new Set(['Accepted', 'Programmed']);
const LISTENER_TYPES = new Set(['Accepted', 'ResolvedRefs', 'Programmed', 'Conflicted']);

/** Desired Gateway status from validated listeners and per-listener attached route counts. */
export function gatewayStatusDesired(state: GatewayState, attachedRoutes: ReadonlyMap<string, number>, ignoreParametersRef = false): GatewayStatusDesired {
  const generation = state.gateway.metadata.generation;
  const accepted = acceptedCondition(state, ignoreParametersRef);
  const anyProgrammed = accepted.status === 'True' && state.address !== undefined && !state.addressProblem && state.listeners.some((l) => l.programmed);
  const programmed = anyProgrammed
    ? condition('Programmed', 'True', 'Programmed', `Gateway is programmed at ${state.address}`, generation)
    : state.addressProblem && state.addressProblem.reason !== 'UnsupportedAddress'
      ? condition('Programmed', 'False', state.addressProblem.reason, state.addressProblem.message, generation)
      : condition('Programmed', 'False', 'Invalid', ['InvalidParameters', 'UnsupportedAddress'].includes(accepted.reason) ? 'Gateway is not accepted' : 'No listener can be served', generation);
  return {
    addresses: state.address === undefined ? [] : [{ type: 'IPAddress', value: state.address }],
    conditions: [accepted, programmed],
    attachedListenerSets: state.attachedListenerSets ?? 0,
    listeners: state.listeners.map((l) => ({
      name: l.listener.name,
      supportedKinds: l.supportedKinds,
      attachedRoutes: attachedRoutes.get(l.listener.name) ?? 0,
      conditions: l.conditions,
    })),
  };
}

/** The Gateway's own Accepted condition, from its spec and listeners alone (ListenerSets never change it). */
export function acceptedCondition(state: GatewayState, ignoreParametersRef: boolean): DesiredCondition {
  const generation = state.gateway.metadata.generation;
  // Conflicted listeners count too: Gateway API asks for ListenersNotValid whenever there are some.
  const has = (l: GatewayState['listeners'][number], type: string, status: string): boolean => l.conditions.some((c) => c.type === type && c.status === status);
  const invalid = state.listeners.filter((l) => !has(l, 'Accepted', 'True') || has(l, 'Conflicted', 'True')).map((l) => l.listener.name);
  const rejected = ignoreParametersRef ? undefined : parametersRejection(state.gateway);
  if (rejected) return condition('Accepted', 'False', 'InvalidParameters', rejected, generation);
  if (state.addressProblem?.reason === 'UnsupportedAddress') return condition('Accepted', 'False', 'UnsupportedAddress', state.addressProblem.message, generation);
  if (!state.listeners.some((l) => has(l, 'Accepted', 'True'))) return condition('Accepted', 'False', 'ListenersNotValid', 'No listener is valid', generation);
  // ListenersNotValid with True: the Gateway is accepted, but not all of it (GatewayConditionReason docs).
  if (invalid.length > 0) return condition('Accepted', 'True', 'ListenersNotValid', `Gateway is accepted; listeners not valid: ${invalid.join(', ')}`, generation);
  return condition('Accepted', 'True', 'Accepted', 'Gateway is accepted', generation);
}

/** Merges desired Gateway status into the current one, keeping conditions we do not own. */
export function mergeGatewayStatus(current: Gateway['status'], desired: GatewayStatusDesired, settings: ControllerSettings, now: string): Record<string, unknown> {
  const foreign = settings.faults.has('touches-foreign-conditions') ? 'all-undesired' : GATEWAY_TYPES;
  const foreignListener = settings.faults.has('touches-foreign-conditions') ? 'all-undesired' : LISTENER_TYPES;
  const previous = new Map(((current?.listeners ?? []) as ListenerStatus[]).map((l) => [l.name, l]));
  const conditions = settings.faults.has('gateway-generation-on-change-only')
    ? keepGenerationUnlessChanged(current?.conditions, desired.conditions, GATEWAY_TYPES)
    : desired.conditions;
  const removed = settings.faults.has('removed-listener-status-kept')
    ? [...previous.values()].filter((l) => !desired.listeners.some((d) => d.name === l.name))
    : [];
  const { attachedListenerSets: _previousCount, ...rest } = current ?? {};
  return {
    ...rest,
    // Absent reads as 0 (upstream's helpers and kubectl alike); written only when there are some.
    ...(desired.attachedListenerSets > 0 || settings.faults.has('attached-listener-sets-zero-written') ? { attachedListenerSets: desired.attachedListenerSets } : {}),
    addresses: desired.addresses.map((a) => ({ ...a })),
    conditions: mergeConditions(current?.conditions, conditions, now, foreign),
    listeners: [
      ...desired.listeners.map(
      (l): ListenerStatus => ({
        name: l.name,
        supportedKinds: l.supportedKinds.map((k) => ({ group: k.group, kind: k.kind })),
        attachedRoutes: l.attachedRoutes,
        conditions: mergeConditions(previous.get(l.name)?.conditions, l.conditions, now, foreignListener),
      }),
      ),
      ...removed,
    ],
  };
}

/** GatewayClass status: Accepted and the supported feature list. */
export function mergeGatewayClassStatus(gatewayClass: GatewayClass, settings: ControllerSettings, now: string): Record<string, unknown> {
  const current = (gatewayClass.status ?? {}) as { conditions?: Condition[] };
  const written = current.conditions?.find((c) => c.type === 'Accepted')?.observedGeneration;
  const generation = settings.faults.has('gateway-class-status-written-once') && written !== undefined ? written : gatewayClass.metadata.generation;
  const accepted = condition('Accepted', 'True', 'Accepted', `Handled by ${settings.controllerName}`, generation);
  return {
    ...current,
    conditions: mergeConditions(current.conditions, [accepted], now, new Set(['Accepted'])),
    supportedFeatures: supportedFeatures(settings.crossServing).map((name) => ({ name })),
  };
}
