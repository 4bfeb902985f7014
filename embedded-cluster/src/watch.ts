import type { ServerResponse } from 'node:http';
import type { ApiObject } from './api-object.ts';
import type { ResourceDef } from './registry.ts';
import { apiVersionOf, resourceKey } from './registry.ts';
import type { ObjectPredicate } from './selectors.ts';
import { ApiStatusError, badRequest } from './status-errors.ts';
import type { ObjectStore, StoreEvent } from './store.ts';

/** One watch request, already parsed from the query string. */
export interface WatchRequest {
  readonly def: ResourceDef;
  readonly version: string;
  /** Undefined watches all namespaces. */
  readonly namespace?: string;
  readonly matches: ObjectPredicate;
  readonly resourceVersion?: string;
  readonly timeoutSeconds?: number;
  readonly allowBookmarks: boolean;
  readonly sendInitialEvents: boolean;
}

// The real server sends a bookmark about once a minute; sooner here because runs are short.
const BOOKMARK_INTERVAL_MS = 5_000;

/** Streams newline-delimited watch events and ends every open stream on close(). */
export class WatchHub {
  private readonly open = new Set<() => void>();

  constructor(private readonly store: ObjectStore) {}

  serve(request: WatchRequest, res: ServerResponse): void {
    const { def, version } = request;
    const resource = resourceKey(def);
    const apiVersion = apiVersionOf(def.group, version);
    const inScope = (o: ApiObject): boolean =>
      (request.namespace === undefined || o.metadata.namespace === request.namespace) && request.matches(o);
    const present = (o: ApiObject): ApiObject => (o.apiVersion === apiVersion ? o : { ...o, apiVersion });
    const send = (type: string, object: unknown): void => {
      res.write(`${JSON.stringify({ type, object })}\n`);
    };
    const bookmark = (annotations?: Record<string, string>): void => {
      send('BOOKMARK', {
        kind: def.kind,
        apiVersion,
        metadata: { resourceVersion: String(this.store.currentRv()), ...(annotations ? { annotations } : {}) },
      });
    };
    const deliver = (event: StoreEvent): void => {
      if (event.resource !== resource) return;
      const now = event.type !== 'DELETED' && inScope(event.object);
      const before = event.oldObject !== undefined && inScope(event.oldObject);
      if (event.type === 'ADDED' && now) send('ADDED', present(event.object));
      else if (event.type === 'DELETED' && before) send('DELETED', present(event.object));
      else if (event.type === 'MODIFIED') {
        if (now && before) send('MODIFIED', present(event.object));
        else if (now) send('ADDED', present(event.object));
        else if (before) send('DELETED', present(event.object));
      }
    };

    const rvParam = request.resourceVersion ?? '';
    let backlog: StoreEvent[] = [];
    const fromNow = rvParam === '' || rvParam === '0' || request.sendInitialEvents;
    if (!fromNow) {
      const rv = Number(rvParam);
      if (!Number.isInteger(rv) || rv < 0) throw badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`);
      const since = this.store.eventsSince(rv);
      if (since === 'expired') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        send('ERROR', new ApiStatusError(410, 'Expired', `too old resource version: ${rv} (${this.store.currentRv()})`).toStatus());
        res.end();
        return;
      }
      backlog = since;
    }

    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    if (fromNow) {
      for (const object of this.store.list(resource, def.namespaced ? request.namespace : undefined)) {
        if (inScope(object)) send('ADDED', present(object));
      }
      if (request.sendInitialEvents && request.allowBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
    }
    for (const event of backlog) deliver(event);
    const unsubscribe = this.store.subscribe(deliver);

    const timers: NodeJS.Timeout[] = [];
    if (request.allowBookmarks) timers.push(setInterval(() => bookmark(), BOOKMARK_INTERVAL_MS));
    if (request.timeoutSeconds !== undefined && request.timeoutSeconds > 0) {
      timers.push(setTimeout(() => finish(), request.timeoutSeconds * 1000));
    }
    const finish = (): void => {
      unsubscribe();
      for (const t of timers) clearTimeout(t);
      this.open.delete(finish);
      if (!res.writableEnded) res.end();
    };
    this.open.add(finish);
    res.on('close', finish);
  }

  close(): void {
    for (const finish of [...this.open]) finish();
  }
}
