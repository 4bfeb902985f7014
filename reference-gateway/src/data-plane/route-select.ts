import type { FaultSet } from './faults.ts';
import { rankByHostname } from './listener-select.ts';
import { bestRouteHostname, comparePrecedence, type Candidate } from './precedence.ts';
import type { MatchRequest } from './route-match.ts';
import type { ListenerEntry, RuleEntry, ServerTable } from './routing-table.ts';

/** Outcome of routing one request on one bound server. */
export type RouteSelection =
  | { readonly kind: 'no-listener' }
  /** HTTPS: the TLS server name chose another listener than the one that best matches :authority. */
  | { readonly kind: 'misdirected'; readonly listener: ListenerEntry }
  | { readonly kind: 'no-route'; readonly listener: ListenerEntry }
  | { readonly kind: 'rule'; readonly listener: ListenerEntry; readonly rule: RuleEntry };

function bestCandidate(listener: ListenerEntry, host: string, request: MatchRequest, faults: FaultSet): RuleEntry | undefined {
  let best: Candidate<RuleEntry> | undefined;
  for (const route of listener.routes) {
    const hostRank = bestRouteHostname(route.hostnames, host, faults);
    if (!hostRank) continue;
    const written = bestRouteHostname(route.routeHostnames, host, faults) ?? { preciseHostLength: 0, hostLength: 0 };
    const routeRank = { routePreciseHostLength: written.preciseHostLength, routeHostLength: written.hostLength };
    for (const rule of route.rules) {
      rule.matches.forEach((plan, matchIndex) => {
        if (!plan.holds(request, faults)) return;
        const candidate: Candidate<RuleEntry> = {
          rule,
          plan,
          ...hostRank,
          ...routeRank,
          createdMs: route.createdMs,
          routeKey: route.key,
          ruleIndex: rule.index,
          matchIndex,
        };
        if (!best || comparePrecedence(candidate, best, faults) < 0) best = candidate;
      });
    }
  }
  return best?.rule;
}

/**
 * Picks the single best listener for the host (listener isolation: only its routes count), then the rule
 * that wins GRPCRoute precedence among all matching (route, rule, match) candidates. `serverName` is the
 * TLS SNI on HTTPS servers, when the client sent one.
 */
export function selectRoute(
  table: ServerTable,
  host: string,
  request: MatchRequest,
  faults: FaultSet,
  serverName?: string,
): RouteSelection {
  const listeners = rankByHostname(table.listeners, host, faults);
  const first = listeners[0];
  if (!first) return { kind: 'no-listener' };
  if (serverName && rankByHostname(table.listeners, serverName.toLowerCase(), faults)[0] !== first) {
    return { kind: 'misdirected', listener: first };
  }
  const searched = faults.has('listener-isolation-off') ? listeners : [first];
  for (const listener of searched) {
    const rule = bestCandidate(listener, host, request, faults);
    if (rule) return { kind: 'rule', listener, rule };
  }
  return { kind: 'no-route', listener: first };
}
