import type { Condition, ParentReference, Route, RouteParentStatus } from '../kube/objects.ts';
import { GATEWAY_GROUP } from '../kube/resources.ts';
import type { DesiredCondition } from './conditions.ts';
import { condition, keepGenerationUnlessChanged, mergeConditions } from './conditions.ts';
import type { CompiledRules } from './compile.ts';
import type { Rejection } from './route-attachment.ts';
import type { RuleValidation } from './rule-validation.ts';
import type { ControllerSettings } from './settings.ts';

/** The own-condition-type variant's condition: implementation types carry a domain prefix. */
const OWN_CONDITION_TYPE = 'grpcroute-conformance.dev/DataPlaneSynced';

/** What we want one status.parents[] entry of ours to say. */
export interface RouteParentDesired {
  readonly parentRef: ParentReference;
  readonly conditions: readonly DesiredCondition[];
}

/** Accepted / ResolvedRefs / PartiallyInvalid for one parentRef. */
export function routeParentConditions(
  route: Route,
  rejection: Rejection | undefined,
  validation: RuleValidation,
  compiled: CompiledRules,
  settings: ControllerSettings,
): DesiredCondition[] {
  const generation = route.metadata.generation;
  const dropped = validation.dropped;
  const allInvalid = dropped.length > 0 && validation.validIndices.length === 0;
  const droppedText = dropped.map((d) => `${d.name ?? `#${d.index}`} (${d.message})`).join(', ');
  const out: DesiredCondition[] = [];
  if (rejection) out.push(condition('Accepted', 'False', rejection.reason, rejection.message, generation));
  else if (allInvalid) out.push(condition('Accepted', 'False', 'UnsupportedValue', `All rules are invalid: ${droppedText}`, generation));
  else out.push(condition('Accepted', 'True', 'Accepted', 'Route is accepted', generation));
  const unadmitted = rejection?.reason === 'NotAllowedByListeners' && settings.faults.has('no-resolved-refs-when-not-admitted');
  if (!settings.faults.has('missing-resolved-refs') && !unadmitted) {
    const problems = compiled.problems;
    out.push(
      problems.length === 0
        ? condition('ResolvedRefs', 'True', 'ResolvedRefs', 'All references resolved', generation)
        : condition('ResolvedRefs', 'False', problems[0]!.reason, problems.map((p) => p.message).join('; '), generation),
    );
  }
  if (!rejection && !allInvalid && dropped.length > 0) {
    out.push(condition('PartiallyInvalid', 'True', 'UnsupportedValue', `Dropped Rule(s): ${droppedText}`, generation));
  }
  if (settings.faults.has('own-condition-type')) {
    out.push(condition(OWN_CONDITION_TYPE, 'True', 'Synced', 'The data plane was handed this generation', generation));
  }
  return settings.faults.has('reversed-conditions') ? out.reverse() : out;
}

/** Whether two parentRefs name the same parent section (namespace defaults to the route's). */
export function sameParentRef(a: ParentReference, b: ParentReference, routeNamespace: string): boolean {
  return (
    (a.group ?? GATEWAY_GROUP) === (b.group ?? GATEWAY_GROUP) &&
    (a.kind ?? 'Gateway') === (b.kind ?? 'Gateway') &&
    (a.namespace || routeNamespace) === (b.namespace || routeNamespace) &&
    a.name === b.name &&
    a.sectionName === b.sectionName &&
    a.port === b.port
  );
}

/**
 * Read-modify-write of status.parents: other controllers' entries stay untouched and in place,
 * our entries are updated in place or appended, our entries for parents we no longer serve go.
 */
export function mergeRouteParents(
  existing: readonly RouteParentStatus[] | undefined,
  desired: readonly RouteParentDesired[],
  routeNamespace: string,
  settings: ControllerSettings,
  now: string,
): RouteParentStatus[] {
  const pending = [...desired];
  const out: RouteParentStatus[] = [];
  for (const entry of existing ?? []) {
    if (entry.controllerName !== settings.controllerName) {
      if (!settings.faults.has('touches-foreign-conditions')) out.push(entry);
      continue;
    }
    const index = pending.findIndex((d) => sameParentRef(d.parentRef, entry.parentRef, routeNamespace));
    if (index < 0) continue;
    const [mine] = pending.splice(index, 1);
    const desiredConditions = settings.faults.has('resolved-refs-generation-on-change-only')
      ? keepGenerationUnlessChanged(entry.conditions, mine!.conditions, new Set(['ResolvedRefs']))
      : mine!.conditions;
    const conditions = settings.faults.has('append-route-conditions')
      ? appendChanged(entry.conditions ?? [], desiredConditions, now)
      : mergeConditions(entry.conditions, desiredConditions, now, 'all-undesired');
    out.push({ parentRef: mine!.parentRef, controllerName: settings.controllerName, conditions });
  }
  for (const mine of pending) {
    out.push({ parentRef: mine.parentRef, controllerName: settings.controllerName, conditions: mergeConditions(undefined, mine.conditions, now, 'all-undesired') });
  }
  if (!settings.faults.has('own-entry-last')) return out;
  const ours = (entry: RouteParentStatus): boolean => entry.controllerName === settings.controllerName;
  return [...out.filter((e) => !ours(e)), ...out.filter(ours)];
}

// The append-route-conditions fault: what a writer that never looks up the existing type produces.
function appendChanged(existing: readonly Condition[], desired: readonly DesiredCondition[], now: string): Condition[] {
  const same = (a: Condition, b: DesiredCondition): boolean =>
    a.type === b.type && a.status === b.status && a.reason === b.reason && a.observedGeneration === b.observedGeneration;
  const added = desired.filter((d) => !existing.some((e) => same(e, d)));
  return [...existing, ...mergeConditions(undefined, added, now, 'all-undesired')];
}
