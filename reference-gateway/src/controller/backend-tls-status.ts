import type { BackendTlsPolicy, Condition, ParentReference } from '../kube/objects.ts';
import { GATEWAY_GROUP } from '../kube/resources.ts';
import type { DesiredCondition } from './conditions.ts';
import { condition, mergeConditions } from './conditions.ts';
import type { ControllerSettings } from './settings.ts';

type Ancestor = NonNullable<NonNullable<BackendTlsPolicy['status']>['ancestors']>[number];

/** One Gateway a policy was applied for, and whether it resolved. */
export interface PolicyUse {
  readonly gatewayNamespace: string;
  readonly gatewayName: string;
  readonly resolved: boolean;
  readonly message?: string;
}

/** Desired ancestor conditions for one use of a policy. */
export function ancestorConditions(policy: BackendTlsPolicy, use: PolicyUse): DesiredCondition[] {
  const generation = policy.metadata.generation;
  if (use.resolved) {
    return [
      condition('Accepted', 'True', 'Accepted', 'Policy is applied', generation),
      condition('ResolvedRefs', 'True', 'ResolvedRefs', 'CA certificates resolved', generation),
    ];
  }
  return [
    condition('Accepted', 'False', 'NoValidCACertificate', use.message ?? 'No valid CA certificate', generation),
    condition('ResolvedRefs', 'False', 'InvalidCACertificateRef', use.message ?? 'CA certificate reference did not resolve', generation),
  ];
}

/** Merges our ancestor entries (one per Gateway) into status.ancestors, keeping other controllers' entries. */
export function mergePolicyAncestors(policy: BackendTlsPolicy, uses: readonly PolicyUse[], settings: ControllerSettings, now: string): Record<string, unknown> {
  const current = policy.status ?? {};
  const pending = uses.map((use) => ({ ref: ancestorRef(use), conditions: ancestorConditions(policy, use) }));
  const out: Ancestor[] = [];
  for (const entry of current.ancestors ?? []) {
    if (entry.controllerName !== settings.controllerName) {
      if (!settings.faults.has('touches-foreign-conditions')) out.push(entry);
      continue;
    }
    const index = pending.findIndex((p) => p.ref.namespace === entry.ancestorRef.namespace && p.ref.name === entry.ancestorRef.name && entry.ancestorRef.kind === 'Gateway');
    if (index < 0) continue;
    const [mine] = pending.splice(index, 1);
    out.push({ ancestorRef: mine!.ref, controllerName: settings.controllerName, conditions: mergeConditions(entry.conditions as Condition[] | undefined, mine!.conditions, now, 'all-undesired') });
  }
  for (const mine of pending) {
    out.push({ ancestorRef: mine.ref, controllerName: settings.controllerName, conditions: mergeConditions(undefined, mine.conditions, now, 'all-undesired') });
  }
  return { ...current, ancestors: out };
}

function ancestorRef(use: PolicyUse): ParentReference {
  return { group: GATEWAY_GROUP, kind: 'Gateway', namespace: use.gatewayNamespace, name: use.gatewayName };
}
