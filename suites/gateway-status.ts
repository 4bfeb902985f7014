import type { KubeObject } from '../harness/kube/types.ts';

interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly observedGeneration?: number;
}

const conditionsOf = (object: KubeObject): Condition[] => {
  const listed = (object.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(listed) ? (listed as Condition[]) : [];
};

/**
 * Every status condition names the object's current generation (§12 104): what upstream's
 * GatewayMustHaveLatestConditions and GatewayClassMustHaveLatestConditions wait for.
 */
export function hasLatestConditions(object: KubeObject): boolean {
  const conditions = conditionsOf(object);
  return conditions.length > 0 && conditions.every((c) => c.observedGeneration === object.metadata.generation);
}

export function hasCondition(object: KubeObject, want: { type: string; status: string; reason?: string }): boolean {
  return conditionsOf(object).some((c) => c.type === want.type && c.status === want.status && (want.reason === undefined || c.reason === want.reason));
}

export interface ExpectedListener {
  readonly name: string;
  /** Route kinds (group gateway.networking.k8s.io) that must be listed; empty: none may be. */
  readonly supportedKinds: readonly string[];
  /** Each must be present; no reason: any reason. */
  readonly conditions: readonly { type: string; status: string; reason?: string }[];
  readonly attachedRoutes: number;
}

interface ListenerStatus {
  readonly name: string;
  readonly supportedKinds?: readonly { group?: string; kind: string }[];
  readonly conditions?: readonly Condition[];
  readonly attachedRoutes?: number;
}

/**
 * The listener statuses equal `expected` the way upstream's GatewayStatusMustHaveListeners
 * compares them: the same listeners; listed kinds include the expected ones (an implementation
 * may support more kinds than upstream's HTTPRoute, e.g. GRPCRoute), or are empty when none are
 * expected; every expected condition present; attachedRoutes equal.
 */
export function listenersMatch(gateway: KubeObject, expected: readonly ExpectedListener[]): boolean {
  const actual = ((gateway.status as { listeners?: unknown } | undefined)?.listeners ?? []) as ListenerStatus[];
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  return expected.every((want) => {
    const got = actual.find((l) => l.name === want.name);
    if (!got || got.attachedRoutes !== want.attachedRoutes) return false;
    const kinds = (got.supportedKinds ?? []).filter((k) => (k.group ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io').map((k) => k.kind);
    if (want.supportedKinds.length === 0 ? (got.supportedKinds ?? []).length > 0 : !want.supportedKinds.every((k) => kinds.includes(k))) return false;
    const conditions = got.conditions ?? [];
    return want.conditions.every((c) => conditions.some((g) => g.type === c.type && g.status === c.status && (c.reason === undefined || g.reason === c.reason)));
  });
}

export const describeListeners = (expected: readonly ExpectedListener[]): string =>
  expected
    .map((l) => `listener ${l.name}: ${l.conditions.map((c) => `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}`).join(', ')}, kinds [${l.supportedKinds.join(',')}], attachedRoutes ${l.attachedRoutes}`)
    .join('; ');
