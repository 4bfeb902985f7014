import { checkHeaderFilter } from './header-filter.ts';
import { has, isJsonObject, type JsonObject } from './json-shape.ts';
import { checkMirrorFilter } from './mirror-filter.ts';
import { checkLocalObjectReference } from './object-references.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_FILTERS = 16;

/** GRPCRouteFilter `type` values, in the order the CRD's enum lists them. */
export const GRPC_FILTER_TYPES = ['ResponseHeaderModifier', 'RequestHeaderModifier', 'RequestMirror', 'ExtensionRef'] as const;

const MEMBERS: ReadonlyArray<{ type: string; field: string }> = [
  { type: 'RequestHeaderModifier', field: 'requestHeaderModifier' },
  { type: 'ResponseHeaderModifier', field: 'responseHeaderModifier' },
  { type: 'RequestMirror', field: 'requestMirror' },
  { type: 'ExtensionRef', field: 'extensionRef' },
];

// The eight union rules. `type` is required, so when it is absent the server evaluates no rule.
function checkUnion(c: SchemaCheck, filter: JsonObject, path: string): void {
  const type = filter['type'];
  for (const { type: member, field } of MEMBERS) {
    const present = has(filter, field);
    const mustBeNil = `filter.${field} must be nil if the filter.type is not ${member}`;
    const mustBeSet = `filter.${field} must be specified for ${member} filter.type`;
    c.rule(!(present && type !== member), path, mustBeNil);
    c.rule(!(!present && type === member), path, mustBeSet);
  }
}

function checkFilter(c: SchemaCheck, filter: JsonObject, path: string): void {
  c.requireKeys(filter, path, ['type']);
  c.enumString(filter, 'type', path, GRPC_FILTER_TYPES);
  for (const field of ['requestHeaderModifier', 'responseHeaderModifier'] as const) {
    const headerFilter = c.object(filter, field, path);
    if (headerFilter) checkHeaderFilter(c, headerFilter, `${path}.${field}`);
  }
  const mirror = c.object(filter, 'requestMirror', path);
  if (mirror) checkMirrorFilter(c, mirror, `${path}.requestMirror`);
  const extensionRef = c.object(filter, 'extensionRef', path);
  if (extensionRef) checkLocalObjectReference(c, extensionRef, `${path}.extensionRef`);
  checkUnion(c, filter, path);
}

/** Validates `<path>.filters` of a GRPCRoute rule or GRPCBackendRef. */
export function checkGrpcFilters(c: SchemaCheck, owner: JsonObject, path: string): void {
  const items = c.list(owner, 'filters', path, { maxItems: MAX_FILTERS });
  items.forEach((item, i) => {
    const filter = c.item(item, `${path}.filters[${i}]`);
    if (filter) checkFilter(c, filter, `${path}.filters[${i}]`);
  });
  const countOf = (type: string): number => items.filter((f) => isJsonObject(f) && f['type'] === type).length;
  for (const type of ['RequestHeaderModifier', 'ResponseHeaderModifier']) {
    c.rule(countOf(type) <= 1, `${path}.filters`, `${type} filter cannot be repeated`);
  }
}
