import type { FaultSet } from './faults.ts';
import { hostnameMatches } from './listener-select.ts';
import type { MatchPlan } from './route-match.ts';

/** One (route, rule, match) that matched a request, with everything precedence compares. */
export interface Candidate<R> {
  readonly rule: R;
  readonly plan: MatchPlan;
  /** Length of the best matching effective hostname when it is precise (not a wildcard), else 0. */
  readonly preciseHostLength: number;
  /** Length of the best matching effective hostname as written (`*` or none = 0). */
  readonly hostLength: number;
  /** The same two lengths for the route's own hostname that best matches the host (0 when it wrote none). */
  readonly routePreciseHostLength: number;
  readonly routeHostLength: number;
  readonly createdMs: number;
  readonly routeKey: string;
  readonly ruleIndex: number;
  readonly matchIndex: number;
}

/** The route's effective hostname that best matches the host; undefined when none matches. */
export function bestRouteHostname(
  hostnames: readonly string[],
  host: string,
  faults: FaultSet,
): { preciseHostLength: number; hostLength: number } | undefined {
  if (hostnames.length === 0) return { preciseHostLength: 0, hostLength: 0 };
  let best: { preciseHostLength: number; hostLength: number } | undefined;
  for (const name of hostnames) {
    if (!hostnameMatches(name, host, faults)) continue;
    const wildcard = name.startsWith('*');
    const rank = { preciseHostLength: wildcard ? 0 : name.length, hostLength: name === '*' ? 0 : name.length };
    if (!best || rank.preciseHostLength > best.preciseHostLength || (rank.preciseHostLength === best.preciseHostLength && rank.hostLength > best.hostLength)) {
      best = rank;
    }
  }
  return best;
}

/**
 * Negative when `a` takes precedence over `b` (GRPCRoute precedence, continuing on ties): precise hostname,
 * hostname, service, method, header count, Exact header count; then older route, route name, rule, match.
 */
export function comparePrecedence<R>(a: Candidate<R>, b: Candidate<R>, faults: FaultSet): number {
  const descending: [number, number][] = [];
  if (!faults.has('precedence-ignore-hostname-specificity')) {
    descending.push([a.preciseHostLength, b.preciseHostLength], [a.hostLength, b.hostLength]);
    // v1.7.0 GRPCRouteSpec.hostnames: routes on one listener with identical intersected hostnames SHOULD be
    // ranked by their original hostnames (GatewayRouteHostnameIntersectionPrecedence).
    if (!faults.has('precedence-ignore-original-hostname')) {
      descending.push([a.routePreciseHostLength, b.routePreciseHostLength], [a.routeHostLength, b.routeHostLength]);
    }
  }
  descending.push([a.plan.serviceKind, b.plan.serviceKind], [a.plan.serviceLength, b.plan.serviceLength]);
  if (!faults.has('precedence-ignore-method-length')) {
    descending.push([a.plan.methodKind, b.plan.methodKind], [a.plan.methodLength, b.plan.methodLength]);
  }
  if (!faults.has('precedence-ignore-header-count')) {
    descending.push([a.plan.headerCount, b.plan.headerCount], [a.plan.exactHeaderCount, b.plan.exactHeaderCount]);
  }
  for (const [x, y] of descending) if (x !== y) return y - x;
  if (!faults.has('precedence-ignore-creation-time') && a.createdMs !== b.createdMs) return a.createdMs - b.createdMs;
  if (a.routeKey !== b.routeKey) {
    // The fault sorts the wrong way round: routes reach us already in name order, so merely skipping this step would hide nothing.
    const byName = a.routeKey < b.routeKey ? -1 : 1;
    return faults.has('precedence-ignore-name-order') ? -byName : byName;
  }
  if (a.routeKey === b.routeKey && a.ruleIndex !== b.ruleIndex) {
    return faults.has('precedence-last-rule-wins') ? b.ruleIndex - a.ruleIndex : a.ruleIndex - b.ruleIndex;
  }
  return a.matchIndex - b.matchIndex;
}
