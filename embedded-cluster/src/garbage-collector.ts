import type { ResourceRegistry } from './registry.ts';
import { resourceKey } from './registry.ts';
import type { ObjectStore } from './store.ts';

/**
 * Deletes objects whose owner (by ownerReferences uid) was deleted, in the background like the
 * real garbage collector: Deployment → Pods, Service → EndpointSlices. Returns the unsubscribe.
 */
export function startGarbageCollector(store: ObjectStore, registry: ResourceRegistry): () => void {
  const pending = new Set<string>();
  let scheduled = false;
  const sweep = (): void => {
    scheduled = false;
    const gone = new Set(pending);
    pending.clear();
    for (const def of registry.resources) {
      for (const object of store.list(resourceKey(def))) {
        if (object.metadata.ownerReferences?.some((ref) => gone.has(ref.uid))) {
          store.remove(resourceKey(def), object.metadata.namespace ?? '', object.metadata.name ?? '');
        }
      }
    }
  };
  return store.subscribe((event) => {
    if (event.type !== 'DELETED' || !event.object.metadata.uid) return;
    pending.add(event.object.metadata.uid);
    if (!scheduled) {
      scheduled = true;
      setImmediate(sweep);
    }
  });
}
