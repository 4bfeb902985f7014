import { has, isJsonObject, type JsonObject } from './json-shape.ts';
import { GROUP, KIND, NAMESPACE, OBJECT_NAME, PORT_NUMBER, SECTION_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_PARENT_REFS = 32;

function unsetOrEmpty(ref: JsonObject, key: string, empty: unknown): boolean {
  return !has(ref, key) || ref[key] === empty;
}

// Both CEL rules compare namespaces treating "unset" and "" alike, but a set namespace only equals
// another set namespace.
function sameParent(a: JsonObject, b: JsonObject): boolean {
  const namespacesMatch =
    (unsetOrEmpty(a, 'namespace', '') && unsetOrEmpty(b, 'namespace', '')) ||
    (has(a, 'namespace') && has(b, 'namespace') && a['namespace'] === b['namespace']);
  return a['group'] === b['group'] && a['kind'] === b['kind'] && a['name'] === b['name'] && namespacesMatch;
}

function sameOptional(a: JsonObject, b: JsonObject, key: string, empty: unknown): boolean {
  return (
    (unsetOrEmpty(a, key, empty) && unsetOrEmpty(b, key, empty)) ||
    (has(a, key) && has(b, key) && a[key] === b[key])
  );
}

/** Validates `<path>.parentRefs` of a route (CommonRouteSpec), including the list-level CEL rules. */
export function checkParentRefs(c: SchemaCheck, spec: JsonObject, path: string): void {
  const items = c.list(spec, 'parentRefs', path, { maxItems: MAX_PARENT_REFS });
  const refs: JsonObject[] = [];
  items.forEach((item, i) => {
    const at = `${path}.parentRefs[${i}]`;
    const ref = c.item(item, at);
    if (!ref) return;
    refs.push(ref);
    c.requireKeys(ref, at, ['name']);
    c.string(ref, 'group', at, GROUP);
    c.string(ref, 'kind', at, KIND);
    c.string(ref, 'namespace', at, NAMESPACE);
    c.string(ref, 'name', at, OBJECT_NAME);
    c.string(ref, 'sectionName', at, SECTION_NAME);
    c.integer(ref, 'port', at, PORT_NUMBER);
  });
  if (refs.length !== items.length || !items.every(isJsonObject)) return;

  const withPort = c.channel === 'experimental';
  const subject = withPort ? 'sectionName or port' : 'sectionName';
  const unsetSelectors = (r: JsonObject): string =>
    `${unsetOrEmpty(r, 'sectionName', '')}/${withPort ? unsetOrEmpty(r, 'port', 0) : ''}`;
  const sameSelectors = (a: JsonObject, b: JsonObject): boolean =>
    sameOptional(a, b, 'sectionName', '') && (!withPort || sameOptional(a, b, 'port', 0));

  const consistent = refs.every((a) => refs.every((b) => !sameParent(a, b) || unsetSelectors(a) === unsetSelectors(b)));
  c.rule(consistent, `${path}.parentRefs`, `${subject} must be specified when parentRefs includes 2 or more references to the same parent`);
  const unique = refs.every((a) => refs.filter((b) => sameParent(a, b) && sameSelectors(a, b)).length === 1);
  c.rule(unique, `${path}.parentRefs`, `${subject} must be unique when parentRefs includes 2 or more references to the same parent`);
}
