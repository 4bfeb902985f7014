import type { TimeoutConfig } from '../config/types.ts';
import type { RunFacts } from '../run/facts.ts';
import { applyObjects, deleteAndWaitGone, readFixture, type ApplyScope } from './apply.ts';
import type { ObjectKey } from './client.ts';
import { resolveGatewayAddress } from './gateway-address.ts';
import { apiVersionFor } from './kinds.ts';
import { labelledObjectsMustSatisfy } from './labelled-objects.ts';
import { clientFor } from './run-client.ts';
import { mergePatchStatus } from './status-patch.ts';
import {
  conditionProblems,
  describeGateway,
  describeObject,
  describeParentRef,
  describeRoute,
  gatewayProblems,
  listenerSpecs,
  listenerStatuses,
  parentMatches,
  routeParents,
  staleConditionProblems,
  type ParentMatch,
} from './status.ts';
import type {
  ConditionExpectation,
  GatewayAddress,
  GatewayAndRoutesOptions,
  KubeHelpers,
  KubeObject,
  ObjectRef,
  ParentSelector,
  RouteRef,
} from './types.ts';
import { done, notYet, waitForObject, type Verdict } from './wait.ts';

export interface KubeHelperDeps {
  readonly facts: RunFacts;
  readonly testName: string;
  readonly timeouts: TimeoutConfig;
  readonly cleanup: (fn: () => Promise<void>) => void;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

const GATEWAY_API = 'gateway.networking.k8s.io/v1';
const ROUTE_ACCEPTED: readonly ConditionExpectation[] = [
  { type: 'Accepted', status: 'True' },
  { type: 'ResolvedRefs', status: 'True' },
];

/** KubeHelpers bound to one test: its User-Agent, run labels, cleanup stack, timeouts and abort signal. */
export function createKubeHelpers(deps: KubeHelperDeps): KubeHelpers {
  const { facts, timeouts, signal } = deps;
  const infra = facts.namespaces.infra;
  const client = clientFor(facts, deps.testName);
  const scope: ApplyScope = {
    client,
    runId: facts.runId,
    testName: deps.testName,
    gatewayClass: facts.gatewayClass,
    defaultNamespace: infra,
    echoImage: facts.echoImage,
    deleteTimeoutMs: timeouts.delete,
  };

  const gatewayKey = (gw: { name: string; namespace?: string }): ObjectKey & { name: string } => ({
    apiVersion: GATEWAY_API,
    kind: 'Gateway',
    name: gw.name,
    namespace: gw.namespace ?? infra,
  });
  const routeKey = (route: RouteRef): ObjectKey & { name: string } => ({
    apiVersion: GATEWAY_API,
    kind: route.kind ?? 'GRPCRoute',
    name: route.name,
    namespace: route.namespace ?? infra,
  });
  const resolveKey = async (ref: ObjectRef): Promise<ObjectKey & { name: string }> => {
    const apiVersion = await apiVersionFor(client, ref.kind);
    const namespaced = (await client.resource(apiVersion, ref.kind))?.namespaced ?? true;
    return { apiVersion, kind: ref.kind, name: ref.name, namespace: namespaced ? (ref.namespace ?? infra) : undefined };
  };
  const label = (key: ObjectKey): string => `${key.kind} ${key.namespace ? `${key.namespace}/` : ''}${key.name}`;

  const waitGateway = <T>(gw: { name: string; namespace?: string }, wanted: string, evaluate: (g: KubeObject) => Verdict<T>): Promise<T> => {
    const key = gatewayKey(gw);
    return waitForObject(client, key, (g) => (g === undefined ? notYet('Gateway does not exist') : evaluate(g)), {
      object: label(key),
      wanted,
      timeoutName: 'gatewayMustBeProgrammed',
      timeoutMs: timeouts.gatewayMustBeProgrammed,
      signal,
    });
  };

  const waitRoute = <T>(route: RouteRef, wanted: string, evaluate: (r: KubeObject) => Verdict<T>): Promise<T> => {
    const key = routeKey(route);
    return waitForObject(client, key, (r) => (r === undefined ? notYet(`${key.kind} does not exist`) : evaluate(r)), {
      object: label(key),
      wanted,
      timeoutName: 'routeMustHaveParents',
      timeoutMs: timeouts.routeMustHaveParents,
      signal,
    });
  };

  const parentMatch = (parent: ParentSelector): ParentMatch => ({
    ...(parent.kind ? { kind: parent.kind } : {}),
    name: parent.name,
    namespace: parent.namespace ?? infra,
    sectionName: parent.sectionName,
    port: parent.port,
  });

  /** Problems of the route's entry for `want`, plus stale conditions on any of our entries. */
  const parentProblems = (route: KubeObject, want: ParentMatch, expectations: readonly ConditionExpectation[]): string[] => {
    const routeNs = route.metadata.namespace ?? infra;
    const ours = routeParents(route).filter((p) => p.controllerName === facts.controllerName);
    const entry = ours.find((p) => parentMatches(p, want, routeNs, facts.controllerName));
    const wantRef = describeParentRef({ name: want.name, namespace: want.namespace, sectionName: want.sectionName, port: want.port });
    if (!entry) return [`no status parent from ${facts.controllerName} for ${wantRef}`];
    const generation = route.metadata.generation;
    const problems = conditionProblems(entry.conditions ?? [], expectations, generation).map((p) => `${wantRef}: ${p}`);
    for (const other of ours.filter((p) => p !== entry)) {
      for (const p of staleConditionProblems(other.conditions ?? [], generation)) problems.push(`${describeParentRef(other.parentRef)}: ${p}`);
    }
    return problems;
  };

  const verdictOf = <T>(problems: readonly string[], value: T, state: () => string): Verdict<T> =>
    problems.length === 0 ? done(value) : notYet(`${problems.join('; ')} | ${state()}`);

  return {
    certificates: facts.certificates,
    controllerName: facts.controllerName,

    async gatewayAndRoutesMustBeAccepted(opts: GatewayAndRoutesOptions): Promise<GatewayAddress> {
      const listeners = opts.gateway.listeners;
      const gateway = await waitGateway(opts.gateway, 'Accepted=True, Programmed=True, a typed address and every listener Accepted/ResolvedRefs/Programmed at the current generation', (g) => {
        const problems = gatewayProblems(g);
        const names = new Set(listenerSpecs(g).map((l) => l.name));
        for (const l of listeners ?? []) if (!names.has(l)) problems.push(`spec has no listener ${l}`);
        return verdictOf(problems, g, () => describeGateway(g));
      });
      const sections: readonly (string | undefined)[] = listeners && listeners.length > 0 ? listeners : [undefined];
      await Promise.all(
        opts.routes.map((route) =>
          waitRoute(route, `Accepted=True and ResolvedRefs=True from ${facts.controllerName} for Gateway ${gateway.metadata.namespace}/${gateway.metadata.name}${listeners ? ` listeners ${listeners.join(',')}` : ''} at the current generation`, (r) => {
            const problems = sections.flatMap((sectionName) =>
              parentProblems(r, { name: opts.gateway.name, namespace: opts.gateway.namespace ?? infra, sectionName }, ROUTE_ACCEPTED),
            );
            return verdictOf([...new Set(problems)], undefined, () => describeRoute(r));
          }),
        ),
      );
      const address = resolveGatewayAddress(gateway, listeners?.[0], facts.dial, infra);
      if (!address) throw new Error(`Gateway ${gateway.metadata.namespace}/${gateway.metadata.name} lost its address`);
      deps.log(`Gateway ${gateway.metadata.namespace}/${gateway.metadata.name} at ${address.host}:${address.port} (dial ${address.dialHost}:${address.dialPort})`);
      return address;
    },

    gatewayAddress(gw, listener) {
      return waitGateway(gw, `a typed status address${listener ? ` for listener ${listener}` : ''}`, (g) => {
        const address = resolveGatewayAddress(g, listener, facts.dial, infra);
        return address ? done(address) : notYet(describeGateway(g));
      });
    },

    routeMustHaveConditions(route, parent, conditions) {
      const want = parentMatch(parent);
      const wanted = conditions.map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`).join(', ');
      return waitRoute(route, `${wanted} on parent ${describeParentRef(want)} at the current generation`, (r) =>
        verdictOf(parentProblems(r, want, conditions), undefined, () => describeRoute(r)),
      );
    },

    async readRouteConditions(route, parent) {
      const r = await client.get(routeKey(route));
      if (!r) return undefined;
      const want = parentMatch(parent);
      const entry = routeParents(r).find((p) => parentMatches(p, want, r.metadata.namespace ?? infra, facts.controllerName));
      const conditions = entry?.conditions ?? [];
      return conditions.length > 0 && staleConditionProblems(conditions, r.metadata.generation).length === 0 ? conditions : undefined;
    },

    async readListenerConditions(gw, listener) {
      const g = await client.get(gatewayKey(gw));
      const conditions = g ? (listenerStatuses(g).find((l) => l.name === listener)?.conditions ?? []) : [];
      return g && conditions.length > 0 && staleConditionProblems(conditions, g.metadata.generation).length === 0 ? conditions : undefined;
    },

    routeMustHaveNoParent(route, parent) {
      const want = parentMatch(parent);
      return waitRoute(route, `no status parent from ${facts.controllerName} for ${describeParentRef(want)}`, (r) => {
        const routeNs = r.metadata.namespace ?? infra;
        const present = routeParents(r).some((p) => parentMatches(p, want, routeNs, facts.controllerName));
        return present ? notYet(describeRoute(r)) : done(undefined);
      });
    },

    listenerMustHaveConditions(gw, listener, conditions) {
      const wanted = conditions.map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`).join(', ');
      return waitGateway(gw, `listener ${listener}: ${wanted} at the current generation`, (g) => {
        const status = listenerStatuses(g).find((l) => l.name === listener);
        const problems = status ? conditionProblems(status.conditions ?? [], conditions, g.metadata.generation) : [`listener ${listener} has no status`];
        return verdictOf(problems, undefined, () => describeGateway(g));
      });
    },

    listenerMustHaveAttachedRoutes(gw, listener, count, supportedKinds) {
      const kinds = supportedKinds ? ` and supportedKinds ${supportedKinds.join(',')}` : '';
      return waitGateway(gw, `listener ${listener}: attachedRoutes=${count}${kinds} at the current generation`, (g) => {
        const status = listenerStatuses(g).find((l) => l.name === listener);
        if (!status) return notYet(`listener ${listener} has no status | ${describeGateway(g)}`);
        const problems = staleConditionProblems(status.conditions ?? [], g.metadata.generation);
        if (status.attachedRoutes !== count) problems.push(`attachedRoutes is ${status.attachedRoutes ?? 'unset'}`);
        if (supportedKinds) {
          const actual = (status.supportedKinds ?? []).map((k) => k.kind).sort();
          if (actual.join(',') !== [...supportedKinds].sort().join(',')) problems.push(`supportedKinds is ${actual.join(',') || 'empty'}`);
        }
        return verdictOf(problems, undefined, () => describeGateway(g));
      });
    },

    async objectMustSatisfy(ref, what, predicate) {
      const key = await resolveKey(ref);
      return waitForObject(
        client,
        key,
        (o) => (o === undefined ? notYet('does not exist') : predicate(o) ? done(o) : notYet(`${describeObject(o)}, status ${JSON.stringify(o.status ?? {})}`)),
        { object: label(key), wanted: what, timeoutName: 'routeMustHaveParents', timeoutMs: timeouts.routeMustHaveParents, signal },
      );
    },

    labelledObjectsMustSatisfy: (query, what, predicate) =>
      labelledObjectsMustSatisfy({ client, namespace: infra, timeoutMs: timeouts.routeMustHaveParents, signal }, query, what, predicate),
    async get(ref) {
      return client.get(await resolveKey(ref));
    },

    apply(objects) {
      return applyObjects(scope, objects, deps.cleanup);
    },

    applyFixture(path) {
      return applyObjects(scope, readFixture(path), deps.cleanup);
    },

    async patch(ref, mergePatch) {
      return client.mergePatch(await resolveKey(ref), mergePatch);
    },

    async patchStatus(ref, mergePatch) {
      return mergePatchStatus(client, await resolveKey(ref), mergePatch);
    },

    async delete(ref) {
      await deleteAndWaitGone(client, [await resolveKey(ref)], timeouts.delete);
    },

    async podLogs(pod) {
      const text = await client.podLogs(pod.namespace ?? infra, pod.name);
      return text.split('\n').filter((line) => line !== '');
    },

    async listPods(namespace, labelSelector) {
      return (await client.list('v1', 'Pod', { namespace, labelSelector })).items;
    },
  };
}
