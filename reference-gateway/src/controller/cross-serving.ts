import type { Route } from '../kube/objects.ts';
import { objectKey } from '../kube/objects.ts';
import { hostnameSetsOverlap } from './hostnames.ts';
import type { ListenerAttachment, ParentAttachment } from './route-attachment.ts';

interface Seat {
  readonly route: Route;
  readonly attachment: ParentAttachment;
  readonly on: ListenerAttachment;
}

/**
 * Exclusive cross-serving: on each listener, when an HTTPRoute and a GRPCRoute have intersecting
 * hostnames, the older (creationTimestamp, then namespace/name) keeps the listener and the other
 * loses it. A parent attachment that loses every listener becomes a rejection.
 */
export function applyExclusiveCrossServing(attachments: ReadonlyMap<Route, readonly ParentAttachment[]>, httpRouteAlwaysWins = false): Map<Route, ParentAttachment[]> {
  const beats = httpRouteAlwaysWins ? (b: Route) => b.kind === 'HTTPRoute' : (b: Route, a: Route) => older(b, a);
  const seats = new Map<string, Seat[]>();
  for (const [route, parents] of attachments) {
    for (const attachment of parents) {
      for (const on of attachment.listeners) {
        const id = `${attachment.gateway.key}#${on.listener.listener.name}`;
        seats.set(id, [...(seats.get(id) ?? []), { route, attachment, on }]);
      }
    }
  }
  const losers = new Map<ParentAttachment, Set<ListenerAttachment>>();
  for (const list of seats.values()) {
    for (const a of list) {
      const beaten = list.some((b) => b.route.kind !== a.route.kind && beats(b.route, a.route) && hostnameSetsOverlap(a.on.hostnames, b.on.hostnames));
      if (beaten) losers.set(a.attachment, new Set([...(losers.get(a.attachment) ?? []), a.on]));
    }
  }
  const out = new Map<Route, ParentAttachment[]>();
  for (const [route, parents] of attachments) {
    out.set(
      route,
      parents.map((attachment) => {
        const lost = losers.get(attachment);
        if (!lost) return attachment;
        const listeners = attachment.listeners.filter((l) => !lost.has(l));
        if (listeners.length > 0) return { ...attachment, listeners };
        const other = route.kind === 'GRPCRoute' ? 'HTTPRoute' : 'GRPCRoute';
        return {
          ...attachment,
          listeners,
          rejection: { reason: 'NotAllowedByListeners', message: `An older ${other} with intersecting hostnames holds the listener(s) of Gateway ${attachment.gateway.key}` },
        };
      }),
    );
  }
  return out;
}

function older(a: Route, b: Route): boolean {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb;
  return objectKey(a) < objectKey(b);
}
