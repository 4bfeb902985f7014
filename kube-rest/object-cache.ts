import type { KubeObject } from './objects.ts';
import { objectKey } from './objects.ts';
import type { ResourceType } from './rest-client.ts';

/**
 * Latest known state of every watched object, by kind name; `onChange` fires on every effective
 * change with the keys (`namespace/name`) it touched, so a consumer can react per object or per kind.
 */
export class ObjectCache<K extends string = string> {
  private readonly byKind = new Map<K, Map<string, KubeObject>>();
  /** The resource type each kind was found at (for writes); absent = kind not served. */
  readonly served = new Map<K, ResourceType>();

  constructor(private readonly onChange: (kind: K, keys: readonly string[]) => void = () => {}) {}

  list<T extends KubeObject>(kind: K): T[] {
    return [...(this.byKind.get(kind)?.values() ?? [])] as T[];
  }

  get<T extends KubeObject>(kind: K, key: string): T | undefined {
    return this.byKind.get(kind)?.get(key) as T | undefined;
  }

  put(kind: K, object: KubeObject): void {
    const objects = this.kindMap(kind);
    const key = objectKey(object);
    const previous = objects.get(key);
    if (previous?.metadata.resourceVersion !== undefined && previous.metadata.resourceVersion === object.metadata.resourceVersion) return;
    objects.set(key, object);
    this.onChange(kind, [key]);
  }

  remove(kind: K, object: KubeObject): void {
    const key = objectKey(object);
    if (this.kindMap(kind).delete(key)) this.onChange(kind, [key]);
  }

  /** Replaces everything known about a kind (after a full list); reports objects that came and went. */
  replaceAll(kind: K, objects: readonly KubeObject[]): void {
    const before = [...this.kindMap(kind).keys()];
    const next = new Map(objects.map((o) => [objectKey(o), o]));
    this.byKind.set(kind, next);
    this.onChange(kind, [...new Set([...before, ...next.keys()])]);
  }

  private kindMap(kind: K): Map<string, KubeObject> {
    let objects = this.byKind.get(kind);
    if (!objects) this.byKind.set(kind, (objects = new Map()));
    return objects;
  }
}
