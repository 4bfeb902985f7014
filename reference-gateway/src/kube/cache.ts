import type { KubeObject } from './objects.ts';
import { objectKey } from './objects.ts';
import type { WatchedKind } from './resources.ts';

/** Latest known state of every watched object; `onChange` fires on every effective change. */
export class ObjectCache {
  private readonly byKind = new Map<WatchedKind, Map<string, KubeObject>>();
  /** The resource type each kind was found at (for writes); absent = kind not served. */
  readonly served = new Map<WatchedKind, { group: string; version: string; plural: string; namespaced: boolean }>();

  constructor(private readonly onChange: (kind: WatchedKind) => void = () => {}) {}

  list<T extends KubeObject>(kind: WatchedKind): T[] {
    return [...(this.byKind.get(kind)?.values() ?? [])] as T[];
  }

  get<T extends KubeObject>(kind: WatchedKind, key: string): T | undefined {
    return this.byKind.get(kind)?.get(key) as T | undefined;
  }

  put(kind: WatchedKind, object: KubeObject): void {
    const objects = this.kindMap(kind);
    const key = objectKey(object);
    const previous = objects.get(key);
    if (previous?.metadata.resourceVersion !== undefined && previous.metadata.resourceVersion === object.metadata.resourceVersion) return;
    objects.set(key, object);
    this.onChange(kind);
  }

  remove(kind: WatchedKind, object: KubeObject): void {
    if (this.kindMap(kind).delete(objectKey(object))) this.onChange(kind);
  }

  /** Replaces everything known about a kind (after a full list). */
  replaceAll(kind: WatchedKind, objects: readonly KubeObject[]): void {
    this.byKind.set(kind, new Map(objects.map((o) => [objectKey(o), o])));
    this.onChange(kind);
  }

  private kindMap(kind: WatchedKind): Map<string, KubeObject> {
    let objects = this.byKind.get(kind);
    if (!objects) this.byKind.set(kind, (objects = new Map()));
    return objects;
  }
}
