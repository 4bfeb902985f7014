import { randomUUID } from 'node:crypto';
import type { ApiObject } from './api-object.ts';
import { nowTimestamp } from './api-object.ts';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change, as kept in the event log for watches. */
export interface StoreEvent {
  readonly type: StoreEventType;
  /** Resource key (`group/plural`). */
  readonly resource: string;
  readonly rv: number;
  readonly object: ApiObject;
  /** The version before a MODIFIED or DELETED change. */
  readonly oldObject?: ApiObject;
}

interface Entry {
  readonly object: ApiObject;
  /** Creation order: creationTimestamp only has second precision. */
  readonly seq: number;
}

export type StoreListener = (event: StoreEvent) => void;

/**
 * Objects keyed by resource, namespace and name, one global resourceVersion counter and a
 * bounded log of recent changes. Stored objects are never mutated: every write stores a new
 * object, so readers may hold references; callers that want to edit must copy.
 */
export class ObjectStore {
  private readonly objects = new Map<string, Map<string, Entry>>();
  private readonly log: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  private rv = 0;
  private seq = 0;
  /** Highest resourceVersion whose following events are no longer all in the log. */
  private compactedRv = 0;

  constructor(private readonly maxLogEvents = 10_000) {}

  currentRv(): number {
    return this.rv;
  }

  get(resource: string, namespace: string, name: string): ApiObject | undefined {
    return this.objects.get(resource)?.get(key(namespace, name))?.object;
  }

  /** Creation order index of a stored object (larger is newer). */
  seqOf(resource: string, namespace: string, name: string): number {
    return this.objects.get(resource)?.get(key(namespace, name))?.seq ?? -1;
  }

  /** Objects of one resource (in one namespace, or all), in etcd key order: namespace, then name. */
  list(resource: string, namespace?: string): ApiObject[] {
    const byKey = this.objects.get(resource);
    if (!byKey) return [];
    const out: { k: string; o: ApiObject }[] = [];
    for (const [k, entry] of byKey) {
      if (namespace === undefined || (entry.object.metadata.namespace ?? '') === namespace) out.push({ k, o: entry.object });
    }
    out.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    return out.map((e) => e.o);
  }

  /** Stores a new object; the caller has checked it does not exist yet. */
  insert(resource: string, object: ApiObject): ApiObject {
    const rv = ++this.rv;
    const stored: ApiObject = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: randomUUID(),
        resourceVersion: String(rv),
        creationTimestamp: nowTimestamp(),
      },
    };
    this.table(resource).set(key(stored.metadata.namespace ?? '', stored.metadata.name ?? ''), { object: stored, seq: ++this.seq });
    this.record({ type: 'ADDED', resource, rv, object: stored });
    return stored;
  }

  /** Replaces an existing object with a new version; the caller has done all checks. */
  replace(resource: string, object: ApiObject): ApiObject {
    const table = this.table(resource);
    const k = key(object.metadata.namespace ?? '', object.metadata.name ?? '');
    const previous = table.get(k);
    if (!previous) throw new Error(`store: replace of missing object ${resource} ${k}`);
    const rv = ++this.rv;
    const stored: ApiObject = { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } };
    table.set(k, { object: stored, seq: previous.seq });
    this.record({ type: 'MODIFIED', resource, rv, object: stored, oldObject: previous.object });
    return stored;
  }

  remove(resource: string, namespace: string, name: string): ApiObject | undefined {
    const table = this.table(resource);
    const k = key(namespace, name);
    const previous = table.get(k);
    if (!previous) return undefined;
    table.delete(k);
    const rv = ++this.rv;
    const gone: ApiObject = { ...previous.object, metadata: { ...previous.object.metadata, resourceVersion: String(rv) } };
    this.record({ type: 'DELETED', resource, rv, object: gone, oldObject: previous.object });
    return gone;
  }

  /** Events after `rv`, or 'expired' when some of them have left the log. */
  eventsSince(rv: number): StoreEvent[] | 'expired' {
    if (rv < this.compactedRv) return 'expired';
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid]!.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo);
  }

  /** Listeners run synchronously after each write, in write order. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(event: StoreEvent): void {
    this.log.push(event);
    if (this.log.length > this.maxLogEvents) {
      const dropped = this.log.splice(0, this.log.length - this.maxLogEvents);
      this.compactedRv = dropped[dropped.length - 1]!.rv;
    }
    for (const listener of this.listeners) listener(event);
  }

  private table(resource: string): Map<string, Entry> {
    let table = this.objects.get(resource);
    if (!table) {
      table = new Map();
      this.objects.set(resource, table);
    }
    return table;
  }
}

function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
