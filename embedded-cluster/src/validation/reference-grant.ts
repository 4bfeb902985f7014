import type { JsonObject } from './json-shape.ts';
import { GROUP, KIND, NAMESPACE, OBJECT_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const LIST_LIMITS = { minItems: 1, maxItems: 16 } as const;

/** gateway.networking.k8s.io ReferenceGrant (v1 and v1beta1 share the schema). */
export function checkReferenceGrant(c: SchemaCheck, obj: JsonObject): void {
  const spec = c.object(obj, 'spec', '');
  if (!spec) return;
  c.requireKeys(spec, 'spec', ['from', 'to']);
  c.list(spec, 'from', 'spec', LIST_LIMITS).forEach((item, i) => {
    const at = `spec.from[${i}]`;
    const from = c.item(item, at);
    if (!from) return;
    c.requireKeys(from, at, ['group', 'kind', 'namespace']);
    c.string(from, 'group', at, GROUP);
    c.string(from, 'kind', at, KIND);
    c.string(from, 'namespace', at, NAMESPACE);
  });
  c.list(spec, 'to', 'spec', LIST_LIMITS).forEach((item, i) => {
    const at = `spec.to[${i}]`;
    const to = c.item(item, at);
    if (!to) return;
    c.requireKeys(to, at, ['group', 'kind']);
    c.string(to, 'group', at, GROUP);
    c.string(to, 'kind', at, KIND);
    c.string(to, 'name', at, OBJECT_NAME);
  });
}
