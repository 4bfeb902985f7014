import type { BackendTlsPolicy, Gateway, GatewayClass, KubeObject, ListenerSet, Route } from '../kube/objects.ts';
import { objectKey } from '../kube/objects.ts';
import type { WatchedKind } from '../kube/resources.ts';
import type { DataPlaneConfig } from '../model/data-plane-config.ts';
import type { AddressPool } from './address-pool.ts';
import { mergePolicyAncestors } from './backend-tls-status.ts';
import type { PolicyUse } from './backend-tls-status.ts';
import type { CompiledRules } from './compile.ts';
import { compileRules } from './compile.ts';
import { bindPortOf, buildDataPlaneConfig } from './data-plane-config.ts';
import type { AcceptedRoute } from './data-plane-config.ts';
import { applyExclusiveCrossServing } from './cross-serving.ts';
import { assignAddress } from './gateway-addresses.ts';
import { parametersRejection } from './gateway-parameters.ts';
import { desiredServiceAccounts } from './infrastructure-accounts.ts';
import type { ServiceAccount } from './infrastructure-accounts.ts';
import { gatewayStatusDesired, mergeGatewayClassStatus, mergeGatewayStatus } from './gateway-status.ts';
import { evaluateListeners, withPortUnavailable } from './listener-status.ts';
import { evaluateListenerSets, listenerSetParents, servedListenerSetListeners } from './listener-sets.ts';
import { isAttached, mergeListenerSetStatus } from './listener-set-status.ts';
import type { ReferencePolicy } from './reference-grants.ts';
import { attachToParent, parentGatewayKey, parentListenerSetKey } from './route-attachment.ts';
import type { GatewayState, ParentAttachment } from './route-attachment.ts';
import { mergeRouteParents, routeParentConditions } from './route-status.ts';
import type { RuleValidation } from './rule-validation.ts';
import { validateRules } from './rule-validation.ts';
import type { ControllerSettings } from './settings.ts';
import type { Snapshot } from './snapshot.ts';

/** A status the controller wants on one object, computed against whatever version of it is current. */
export interface StatusIntent {
  readonly kind: WatchedKind;
  readonly key: string;
  nextStatus(current: KubeObject, now: string): unknown;
}

export interface DesiredState {
  readonly config: DataPlaneConfig;
  readonly statuses: readonly StatusIntent[];
  /** One per Gateway of ours, carrying its infrastructure metadata. */
  readonly serviceAccounts: readonly ServiceAccount[];
}

export interface DesiredStateDeps {
  readonly addresses: AddressPool;
  readonly references: ReferencePolicy;
  /** `address:bindPort` the data plane could not bind last time: those listeners get PortUnavailable. */
  readonly unbound?: ReadonlySet<string>;
}

/** Everything the controller wants, recomputed from scratch from one snapshot. */
export function computeDesiredState(snapshot: Snapshot, settings: ControllerSettings, deps: DesiredStateDeps): DesiredState {
  const statuses: StatusIntent[] = [];
  const ourClasses = snapshot.gatewayClasses.filter((c) => c.spec.controllerName === settings.controllerName);
  for (const gatewayClass of ourClasses) {
    statuses.push({ kind: 'GatewayClass', key: objectKey(gatewayClass), nextStatus: (cur, now) => mergeGatewayClassStatus(cur as GatewayClass, settings, now) });
  }
  const classNames = new Set(ourClasses.map((c) => c.metadata.name));
  const skippedForLength = (g: Gateway): boolean => settings.faults.has('long-gateway-name-skipped') && g.metadata.name.length > 63;
  const inScope = (g: Gateway): boolean => !skippedForLength(g) && (settings.faults.has('ignore-gateway-class') || classNames.has(g.spec.gatewayClassName));
  const ourGateways = snapshot.gateways.filter(inScope);
  const gateways = gatewayStates(ourGateways, snapshot, settings, deps);
  const listenerSets = evaluateListenerSets(gateways, { snapshot, settings, references: deps.references });
  const attached = new Set(listenerSets.filter(isAttached));
  const unreported = settings.faults.has('attached-listener-sets-unreported');
  for (const [key, state] of gateways) {
    const attachedListenerSets = unreported ? 0 : [...attached].filter((s) => s.gateway === state).length;
    gateways.set(key, { ...state, listenerSetListeners: servedListenerSetListeners(listenerSets, state), attachedListenerSets });
  }
  const listenerSetParentStates = listenerSetParents(listenerSets, (s) => attached.has(s));

  let attachments = new Map<Route, ParentAttachment[]>();
  for (const route of snapshot.routes) {
    const parents = (route.spec.parentRefs ?? []).flatMap((ref) => {
      const gateway = gateways.get(parentGatewayKey(route, ref) ?? '') ?? listenerSetParentStates.get(parentListenerSetKey(route, ref) ?? '');
      return gateway ? [attachToParent(route, ref, gateway, snapshot, settings)] : [];
    });
    attachments.set(route, parents);
  }
  if (settings.crossServing === 'exclusive') attachments = applyExclusiveCrossServing(attachments, settings.faults.has('cross-serving-prefers-httproute'));

  const accepted: AcceptedRoute[] = [];
  const attachedCounts = new Map<string, Map<string, Set<string>>>();
  const policyUses = new Map<BackendTlsPolicy, PolicyUse[]>();
  for (const [route, parents] of attachments) {
    const validation = effectiveValidation(route, settings);
    const compiled = compileRules(route, validation.validIndices, { snapshot, settings, references: deps.references });
    const rulesUsable = validation.validIndices.length > 0 || validation.dropped.length === 0;
    for (const parent of parents) {
      if (settings.faults.has('wrong-attached-routes')) {
        for (const l of parent.gateway.listeners) count(attachedCounts, parent.gateway.key, l.listener.name, route);
      }
      if (parent.rejection || !rulesUsable) continue;
      const unservedSet = settings.faults.has('listener-set-routes-unserved') && parent.gateway.listenerSet !== undefined;
      const programmed = !unservedSet && (!settings.faults.has('route-serves-first-parent-only') || parent.gateway === parents[0]?.gateway);
      for (const on of parent.listeners) {
        if (!settings.faults.has('wrong-attached-routes')) count(attachedCounts, parent.gateway.key, on.listener.listener.name, route);
        if (programmed) accepted.push({ route, gateway: parent.gateway, on, rules: compiled.rules });
      }
      recordPolicyUses(policyUses, parent.gateway.gateway, compiled);
    }
    const mine = (route.status?.parents ?? []).some((p) => p.controllerName === settings.controllerName);
    if (parents.length === 0 && !mine) continue;
    const desired = parents.map((p) => ({ parentRef: p.parentRef, conditions: routeParentConditions(route, p.rejection, validation, compiled, settings) }));
    statuses.push({
      kind: route.kind === 'HTTPRoute' ? 'HTTPRoute' : 'GRPCRoute',
      key: objectKey(route),
      nextStatus: (cur, now) => ({ ...((cur.status as object) ?? {}), parents: mergeRouteParents((cur as Route).status?.parents, desired, route.metadata.namespace ?? '', settings, now) }),
    });
  }

  for (const state of gateways.values()) {
    const desired = gatewayStatusDesired(state, routeCounts(attachedCounts, state.key), settings.faults.has('ignore-parameters-ref'));
    statuses.push({ kind: 'Gateway', key: state.key, nextStatus: (cur, now) => mergeGatewayStatus((cur as Gateway).status, desired, settings, now) });
  }
  for (const state of listenerSets) {
    const counts = routeCounts(attachedCounts, state.key);
    statuses.push({ kind: 'ListenerSet', key: state.key, nextStatus: (cur, now) => mergeListenerSetStatus((cur as ListenerSet).status, state, counts, settings, now) });
  }
  for (const policy of snapshot.backendTlsPolicies) {
    const uses = policyUses.get(policy) ?? [];
    const mine = (policy.status?.ancestors ?? []).some((a) => a.controllerName === settings.controllerName);
    if (uses.length === 0 && !mine) continue;
    statuses.push({ kind: 'BackendTLSPolicy', key: objectKey(policy), nextStatus: (cur, now) => mergePolicyAncestors(cur as BackendTlsPolicy, uses, settings, now) });
  }
  // A rejected Gateway, or one without its address, is not served (its status says Programmed=False).
  const served = [...gateways.values()].filter((state): state is GatewayState & { address: string } => state.address !== undefined && !parametersRejection(state.gateway));
  return { config: buildDataPlaneConfig(served, accepted, settings), statuses, serviceAccounts: desiredServiceAccounts(ourGateways, settings) };
}

function gatewayStates(ours: readonly Gateway[], snapshot: Snapshot, settings: ControllerSettings, deps: DesiredStateDeps): Map<string, GatewayState> {
  deps.addresses.retainOnly(new Set(ours.map(objectKey)));
  const states = new Map<string, GatewayState>();
  for (const gateway of ours) {
    const key = objectKey(gateway);
    const { address, problem } = assignAddress(gateway, key, deps.addresses, settings);
    const listeners = evaluateListeners(gateway, snapshot, settings, deps.references).map((l) =>
      deps.unbound?.has(`${address}:${bindPortOf(l.listener.port, settings)}`) ? withPortUnavailable(l, gateway.metadata.generation) : l,
    );
    states.set(key, { gateway, key, ...(address === undefined ? {} : { address }), ...(problem ? { addressProblem: problem } : {}), listeners });
  }
  return states;
}

/** With `no-partially-invalid`, one bad rule invalidates the whole route. */
function effectiveValidation(route: Route, settings: ControllerSettings): RuleValidation {
  const validation = validateRules(route);
  if (!settings.faults.has('no-partially-invalid') || validation.dropped.length === 0) return validation;
  const all = (route.spec.rules ?? []).map((rule, index) => ({ index, name: rule.name, message: 'route has an invalid rule' }));
  return { validIndices: [], dropped: all };
}

/** Accepted routes per listener name of one parent (Gateway or ListenerSet). */
function routeCounts(counts: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>, parentKey: string): Map<string, number> {
  return new Map([...(counts.get(parentKey) ?? new Map<string, Set<string>>())].map(([name, routes]) => [name, routes.size]));
}

function count(counts: Map<string, Map<string, Set<string>>>, gatewayKey: string, listener: string, route: Route): void {
  let byListener = counts.get(gatewayKey);
  if (!byListener) counts.set(gatewayKey, (byListener = new Map()));
  let routes = byListener.get(listener);
  if (!routes) byListener.set(listener, (routes = new Set()));
  routes.add(`${route.kind}/${objectKey(route)}`);
}

function recordPolicyUses(uses: Map<BackendTlsPolicy, PolicyUse[]>, gateway: Gateway, compiled: CompiledRules): void {
  for (const applied of compiled.tlsPolicies) {
    const list = uses.get(applied.policy) ?? [];
    const existing = list.findIndex((u) => u.gatewayNamespace === gateway.metadata.namespace && u.gatewayName === gateway.metadata.name);
    const use: PolicyUse = { gatewayNamespace: gateway.metadata.namespace ?? '', gatewayName: gateway.metadata.name, resolved: applied.resolved, message: applied.message };
    if (existing < 0) list.push(use);
    else if (!applied.resolved) list[existing] = use;
    uses.set(applied.policy, list);
  }
}
