import type { ConditionExpectation, KubeObject } from './types.ts';

/** A metav1.Condition as found in status. */
export interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly observedGeneration?: number;
}

export interface ParentReference {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export interface RouteParentStatus {
  readonly parentRef: ParentReference;
  readonly controllerName: string;
  readonly conditions: readonly Condition[];
}

export interface ParentMatch {
  /** Default Gateway. */
  readonly kind?: 'Gateway' | 'ListenerSet';
  readonly name: string;
  readonly namespace: string;
  readonly sectionName?: string;
  readonly port?: number;
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function conditionsOf(status: unknown): Condition[] {
  const conditions = (status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(conditions) ? (conditions as Condition[]) : [];
}

export function generationOf(object: KubeObject): number | undefined {
  return object.metadata.generation;
}

/** `[Accepted=True Accepted og=2 "msg"; Programmed=False Pending og=1]` — what a reader needs to debug status. */
export function describeConditions(conditions: readonly Condition[]): string {
  if (conditions.length === 0) return '[no conditions]';
  const parts = conditions.map((c) => {
    const og = c.observedGeneration === undefined ? 'og=unset' : `og=${c.observedGeneration}`;
    const message = c.message ? ` "${c.message}"` : '';
    return `${c.type}=${c.status} ${c.reason ?? '(no reason)'} ${og}${message}`;
  });
  return `[${parts.join('; ')}]`;
}

/** Problems that keep `conditions` from meeting `expectations` at `generation`; empty when satisfied. */
export function conditionProblems(
  conditions: readonly Condition[],
  expectations: readonly ConditionExpectation[],
  generation: number | undefined,
): string[] {
  const problems: string[] = [];
  for (const want of expectations) {
    const found = conditions.find((c) => c.type === want.type);
    if (!found) {
      problems.push(`no ${want.type} condition`);
      continue;
    }
    if (found.status !== want.status) problems.push(`${want.type} is ${found.status}, want ${want.status}`);
    if (want.reason !== undefined && found.reason !== want.reason) {
      problems.push(`${want.type} reason is ${found.reason ?? '(none)'}, want ${want.reason}`);
    }
    if (want.reasonOneOf !== undefined && !want.reasonOneOf.includes(found.reason ?? '')) {
      problems.push(`${want.type} reason is ${found.reason ?? '(none)'}, want one of ${want.reasonOneOf.join(', ')}`);
    }
    const message = (found.message ?? '').toLowerCase();
    for (const part of want.messageIncludes ?? []) {
      if (!message.includes(part.toLowerCase())) problems.push(`${want.type} message lacks "${part}"`);
    }
  }
  problems.push(...staleConditionProblems(conditions, generation));
  problems.push(...duplicateConditionProblems(conditions));
  return problems;
}

/** Updates must merge into the condition of the same type: two entries of one type leave readers guessing which holds. */
export function duplicateConditionProblems(conditions: readonly Condition[]): string[] {
  const counts = new Map<string, number>();
  for (const c of conditions) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([type, n]) => `${n} ${type} conditions in one entry, want one per type`);
}

/** Every condition must describe the current generation: status that lags the spec proves nothing. */
export function staleConditionProblems(conditions: readonly Condition[], generation: number | undefined): string[] {
  if (generation === undefined) return [];
  return conditions
    .filter((c) => c.observedGeneration !== generation)
    .map((c) => `${c.type} observedGeneration ${c.observedGeneration ?? 'unset'} != generation ${generation}`);
}

export function routeParents(route: KubeObject): RouteParentStatus[] {
  const parents = (route.status as { parents?: unknown } | undefined)?.parents;
  return Array.isArray(parents) ? (parents as RouteParentStatus[]) : [];
}

/** Whether a route status parent entry is ours and refers to the wanted Gateway or ListenerSet (and listener/port when given). */
export function parentMatches(entry: RouteParentStatus, want: ParentMatch, routeNamespace: string, controllerName: string): boolean {
  const ref = entry.parentRef;
  if (entry.controllerName !== controllerName) return false;
  if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== (want.kind ?? 'Gateway')) return false;
  if (ref.name !== want.name || (ref.namespace ?? routeNamespace) !== want.namespace) return false;
  if (want.sectionName !== undefined && ref.sectionName !== want.sectionName) return false;
  if (want.port !== undefined && ref.port !== want.port) return false;
  return true;
}

export function describeParentRef(ref: ParentReference): string {
  const section = ref.sectionName === undefined ? '' : `/${ref.sectionName}`;
  const port = ref.port === undefined ? '' : `:${ref.port}`;
  return `${ref.kind ?? 'Gateway'} ${ref.namespace ?? '(route ns)'}/${ref.name}${section}${port}`;
}

/** One line per status parent: controller, parentRef, conditions; plus the route's generation. */
export function describeRoute(route: KubeObject): string {
  const parents = routeParents(route);
  const entries = parents.map((p) => `{${p.controllerName} ${describeParentRef(p.parentRef)} ${describeConditions(p.conditions)}}`);
  return `${route.kind} ${route.metadata.namespace}/${route.metadata.name} generation ${route.metadata.generation ?? '?'}, status.parents: ${entries.length === 0 ? '[]' : entries.join(', ')}`;
}

export interface ListenerStatus {
  readonly name: string;
  readonly attachedRoutes?: number;
  readonly supportedKinds?: readonly { readonly group?: string; readonly kind: string }[];
  readonly conditions: readonly Condition[];
}

export function listenerStatuses(gateway: KubeObject): ListenerStatus[] {
  const listeners = (gateway.status as { listeners?: unknown } | undefined)?.listeners;
  return Array.isArray(listeners) ? (listeners as ListenerStatus[]) : [];
}

export interface ListenerSpec {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly hostname?: string;
}

export function listenerSpecs(gateway: KubeObject): ListenerSpec[] {
  const listeners = (gateway.spec as { listeners?: unknown } | undefined)?.listeners;
  return Array.isArray(listeners) ? (listeners as ListenerSpec[]) : [];
}

export function gatewayAddresses(gateway: KubeObject): { type?: string; value: string }[] {
  const addresses = (gateway.status as { addresses?: unknown } | undefined)?.addresses;
  return Array.isArray(addresses) ? (addresses as { type?: string; value: string }[]) : [];
}

const READY: readonly ConditionExpectation[] = [
  { type: 'Accepted', status: 'True' },
  { type: 'Programmed', status: 'True' },
];
const LISTENER_READY: readonly ConditionExpectation[] = [
  { type: 'Accepted', status: 'True' },
  { type: 'ResolvedRefs', status: 'True' },
  { type: 'Programmed', status: 'True' },
];

/** Why a Gateway is not yet ready for traffic: Accepted+Programmed, a typed address, every listener ready. */
export function gatewayProblems(gateway: KubeObject): string[] {
  const generation = generationOf(gateway);
  const problems = conditionProblems(conditionsOf(gateway.status), READY, generation);
  if (!gatewayAddresses(gateway).some((a) => a.type !== undefined && a.value)) problems.push('no typed status address');
  const statuses = listenerStatuses(gateway);
  for (const spec of listenerSpecs(gateway)) {
    const status = statuses.find((l) => l.name === spec.name);
    if (!status) {
      problems.push(`listener ${spec.name} has no status`);
      continue;
    }
    for (const p of conditionProblems(status.conditions ?? [], LISTENER_READY, generation)) problems.push(`listener ${spec.name}: ${p}`);
  }
  return problems;
}

/** Gateway conditions, addresses and every listener's conditions, attachedRoutes and kinds. */
export function describeGateway(gateway: KubeObject): string {
  const addresses = gatewayAddresses(gateway).map((a) => `${a.type ?? '(untyped)'}:${a.value}`);
  const listeners = listenerStatuses(gateway).map(
    (l) =>
      `${l.name}: attachedRoutes=${l.attachedRoutes ?? '?'} kinds=${(l.supportedKinds ?? []).map((k) => k.kind).join('|') || '-'} ${describeConditions(l.conditions ?? [])}`,
  );
  return `Gateway ${gateway.metadata.namespace}/${gateway.metadata.name} generation ${gateway.metadata.generation ?? '?'}, conditions ${describeConditions(conditionsOf(gateway.status))}, addresses [${addresses.join(', ')}], listeners [${listeners.join('; ')}]`;
}

/** Generation plus top-level conditions of any object. */
export function describeObject(object: KubeObject): string {
  return `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name} generation ${object.metadata.generation ?? '?'}, conditions ${describeConditions(conditionsOf(object.status))}`;
}
