import type { JsonObject } from './json-shape.ts';
import { HEADER_FILTER_VALUE_EXPERIMENTAL, HEADER_NAME, HEADER_VALUE } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_HEADER_ACTIONS = 16;

function checkHeaderList(c: SchemaCheck, filter: JsonObject, key: 'set' | 'add', path: string): void {
  const items = c.list(filter, key, path, { maxItems: MAX_HEADER_ACTIONS });
  const valueSchema = c.channel === 'experimental' ? HEADER_FILTER_VALUE_EXPERIMENTAL : HEADER_VALUE;
  items.forEach((item, i) => {
    const at = `${path}.${key}[${i}]`;
    const header = c.item(item, at);
    if (!header) return;
    c.requireKeys(header, at, ['name', 'value']);
    c.string(header, 'name', at, HEADER_NAME);
    c.string(header, 'value', at, valueSchema);
  });
  c.uniqueMapKeys(items, `${path}.${key}`, 'name');
}

/** HTTPHeaderFilter (`requestHeaderModifier` / `responseHeaderModifier`). */
export function checkHeaderFilter(c: SchemaCheck, filter: JsonObject, path: string): void {
  checkHeaderList(c, filter, 'set', path);
  checkHeaderList(c, filter, 'add', path);
  const removed = c.list(filter, 'remove', path, { maxItems: MAX_HEADER_ACTIONS });
  removed.forEach((name, i) => c.stringValue(name, `${path}.remove[${i}]`));
  c.uniqueSetValues(removed, `${path}.remove`);
}
