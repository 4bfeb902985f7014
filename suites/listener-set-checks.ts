import type { KubeObject, ObjectRef } from '../harness/kube/types.ts';
import type { TestContext } from '../harness/runner/context.ts';
import {
  describeConditions,
  gatewayIsReady,
  hasAttachedListenerSets,
  listenerHasConditions,
  listenerSetHasCondition,
  listenerSetListenerHasConditions,
  type WantedCondition,
} from './listener-set-status.ts';

export interface ListenerExpectation {
  readonly name: string;
  readonly conditions: readonly WantedCondition[];
}

export interface ListenerSetExpectation {
  readonly name: string;
  /** One of the run's three namespaces; default infra. */
  readonly namespace?: keyof TestContext['namespaces'];
  /** Top-level conditions, each checked on its own as upstream's ListenerSetMustHaveCondition calls are. */
  readonly conditions: readonly WantedCondition[];
  readonly listeners?: readonly ListenerExpectation[];
}

/** What one ListenerSet test expects of its Gateway and the ListenerSets pointing at it. */
export interface ListenerSetScenario {
  /** In the infra namespace. */
  readonly gateway: string;
  /** Gateway status.attachedListenerSets; undefined: not checked (upstream leaves it out for ReferenceGrant). */
  readonly attachedListenerSets?: number;
  readonly gatewayListeners?: readonly ListenerExpectation[];
  readonly listenerSets: readonly ListenerSetExpectation[];
}

interface Check {
  readonly name: string;
  readonly ref: ObjectRef;
  readonly what: string;
  readonly holds: (object: KubeObject) => boolean;
}

const CURRENT = 'every top-level condition at the current generation';

function listenerSetChecks(t: TestContext, ls: ListenerSetExpectation): Check[] {
  const ref = { kind: 'ListenerSet', name: ls.name, namespace: t.namespaces[ls.namespace ?? 'infra'] };
  const id = `ListenerSet ${ref.namespace}/${ls.name}`;
  return [
    ...ls.conditions.map((c) => ({
      name: `${id}: ${describeConditions([c])}`,
      ref,
      what: `${describeConditions([c])}, with ${CURRENT}`,
      holds: (o: KubeObject) => listenerSetHasCondition(o, c),
    })),
    ...(ls.listeners ?? []).map((l) => ({
      name: `${id} listener ${l.name}: ${describeConditions(l.conditions)}`,
      ref,
      what: `a status.listeners entry ${l.name} with ${describeConditions(l.conditions)}, and ${CURRENT}`,
      holds: (o: KubeObject) => listenerSetListenerHasConditions(o, l.name, l.conditions),
    })),
  ];
}

function gatewayChecks(s: ListenerSetScenario): Check[] {
  const ref = { kind: 'Gateway', name: s.gateway };
  const count = s.attachedListenerSets;
  return [
    ...(count === undefined
      ? []
      : [{
          name: `Gateway ${s.gateway}: attachedListenerSets is ${count}`,
          ref,
          what: `status.attachedListenerSets ${count}${count === 0 ? ' (or absent)' : ''}, with ${CURRENT}`,
          holds: (o: KubeObject) => hasAttachedListenerSets(o, count),
        }]),
    ...(s.gatewayListeners ?? []).map((l) => ({
      name: `Gateway ${s.gateway} listener ${l.name}: ${describeConditions(l.conditions)}`,
      ref,
      what: `a status.listeners entry ${l.name} with ${describeConditions(l.conditions)}`,
      holds: (o: KubeObject) => listenerHasConditions(o, l.name, l.conditions),
    })),
  ];
}

/**
 * Waits first for the Gateway to be Accepted and Programmed at its current generation (what
 * upstream's NamespacesMustBeReady and GatewayMustHaveCondition wait for), then checks every
 * count, ListenerSet condition and listener as its own case, so each failure is named.
 */
export async function listenerSetScenarioMustHold(t: TestContext, scenario: ListenerSetScenario): Promise<void> {
  await t.step(`Gateway ${scenario.gateway}: Accepted=True, Programmed=True`, async () => {
    await t.kube.objectMustSatisfy({ kind: 'Gateway', name: scenario.gateway }, `Accepted=True and Programmed=True, with ${CURRENT}`, gatewayIsReady);
  });
  const checks = [...gatewayChecks(scenario), ...scenario.listenerSets.flatMap((ls) => listenerSetChecks(t, ls))];
  await t.cases(checks, async (c) => {
    await t.kube.objectMustSatisfy(c.ref, c.what, c.holds);
  });
}
