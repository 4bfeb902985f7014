import { checkSpecListeners } from './gateway.ts';
import type { JsonObject } from './json-shape.ts';
import { GROUP, KIND, NAMESPACE, OBJECT_NAME, SECTION_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_LISTENERS = 64;
const MAX_SUPPORTED_KINDS = 8;
const MAX_CONDITIONS = 8;

/**
 * gateway.networking.k8s.io ListenerSet: a parentRef to one Gateway and 1–64 listener entries,
 * held to the same per-listener schema and list-level CEL rules as a Gateway's listeners.
 */
export function checkListenerSet(c: SchemaCheck, obj: JsonObject): void {
  c.requireKeys(obj, '', ['spec']);
  const spec = c.object(obj, 'spec', '');
  if (!spec) return;
  c.requireKeys(spec, 'spec', ['parentRef', 'listeners']);
  const parent = c.object(spec, 'parentRef', 'spec');
  if (parent) {
    c.requireKeys(parent, 'spec.parentRef', ['name']);
    c.string(parent, 'group', 'spec.parentRef', GROUP);
    c.string(parent, 'kind', 'spec.parentRef', KIND);
    c.string(parent, 'name', 'spec.parentRef', OBJECT_NAME);
    c.string(parent, 'namespace', 'spec.parentRef', NAMESPACE);
  }
  checkSpecListeners(c, spec);
}

/** What a write of a ListenerSet's status subresource is judged on: the per-listener entries' shape. */
export function checkListenerSetStatus(c: SchemaCheck, obj: JsonObject): void {
  const status = c.object(obj, 'status', '');
  if (!status) return;
  c.uniqueMapKeys(c.list(status, 'conditions', 'status', { maxItems: MAX_CONDITIONS }), 'status.conditions', 'type');
  const items = c.list(status, 'listeners', 'status', { maxItems: MAX_LISTENERS });
  items.forEach((item, i) => {
    const at = `status.listeners[${i}]`;
    const entry = c.item(item, at);
    if (!entry) return;
    c.requireKeys(entry, at, ['attachedRoutes', 'conditions', 'name']);
    c.string(entry, 'name', at, SECTION_NAME);
    c.integer(entry, 'attachedRoutes', at);
    c.uniqueMapKeys(c.list(entry, 'conditions', at, { maxItems: MAX_CONDITIONS }), `${at}.conditions`, 'type');
    c.list(entry, 'supportedKinds', at, { maxItems: MAX_SUPPORTED_KINDS }).forEach((kindItem, k) => {
      const kindAt = `${at}.supportedKinds[${k}]`;
      const kind = c.item(kindItem, kindAt);
      if (!kind) return;
      c.requireKeys(kind, kindAt, ['kind']);
      c.string(kind, 'group', kindAt, GROUP);
      c.string(kind, 'kind', kindAt, KIND);
    });
  });
  c.uniqueMapKeys(items, 'status.listeners', 'name');
}
