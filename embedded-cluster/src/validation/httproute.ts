import { has, type JsonObject } from './json-shape.ts';
import { HEADER_NAME, HEADER_VALUE } from './patterns.ts';
import { checkBackendRef } from './object-references.ts';
import { checkParentRefs } from './parent-refs.ts';
import { checkRouteHostnames } from './route-hostnames.ts';
import { checkRuleListRules, checkRuleName, MAX_MATCHES_PER_RULE, MAX_RULES } from './route-rules.ts';
import type { SchemaCheck } from './schema-check.ts';

const PATH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'] as const;
const VALUE_TYPES = ['Exact', 'RegularExpression'] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
const MAX_LIST = 16;

function checkMatch(c: SchemaCheck, match: JsonObject, path: string): void {
  const pathMatch = c.object(match, 'path', path);
  if (pathMatch) {
    const at = `${path}.path`;
    const type = c.enumString(pathMatch, 'type', at, PATH_TYPES);
    const value = c.string(pathMatch, 'value', at, { maxLength: 1024 });
    const absolute = value === undefined || value.startsWith('/');
    c.rule(!(type === 'Exact' || type === 'PathPrefix') || absolute, at, "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']");
  }
  const headers = c.list(match, 'headers', path, { maxItems: MAX_LIST });
  headers.forEach((item, i) => {
    const at = `${path}.headers[${i}]`;
    const header = c.item(item, at);
    if (!header) return;
    c.requireKeys(header, at, ['name', 'value']);
    c.enumString(header, 'type', at, VALUE_TYPES);
    c.string(header, 'name', at, HEADER_NAME);
    c.string(header, 'value', at, HEADER_VALUE);
  });
  c.uniqueMapKeys(headers, `${path}.headers`, 'name');
  c.enumString(match, 'method', path, METHODS);
}

function checkRule(c: SchemaCheck, rule: JsonObject, path: string): void {
  checkRuleName(c, rule, path);
  c.list(rule, 'matches', path, { maxItems: MAX_MATCHES_PER_RULE }).forEach((item, i) => {
    const match = c.item(item, `${path}.matches[${i}]`);
    if (match) checkMatch(c, match, `${path}.matches[${i}]`);
  });
  c.list(rule, 'filters', path, { maxItems: MAX_LIST }).forEach((item, i) => {
    const filter = c.item(item, `${path}.filters[${i}]`);
    if (filter) c.requireKeys(filter, `${path}.filters[${i}]`, ['type']);
  });
  c.list(rule, 'backendRefs', path, { maxItems: MAX_LIST }).forEach((item, i) => {
    const backendRef = c.item(item, `${path}.backendRefs[${i}]`);
    if (backendRef) checkBackendRef(c, backendRef, `${path}.backendRefs[${i}]`);
  });
}

/** gateway.networking.k8s.io HTTPRoute, a light version: refs, hostnames, rule limits, backend ports. */
export function checkHttpRoute(c: SchemaCheck, obj: JsonObject): void {
  c.requireKeys(obj, '', ['spec']);
  const spec = c.object(obj, 'spec', '');
  if (!spec) return;
  checkParentRefs(c, spec, 'spec');
  checkRouteHostnames(c, spec, 'spec');
  const rules = c.list(spec, 'rules', 'spec', { maxItems: MAX_RULES });
  rules.forEach((item, i) => {
    const rule = c.item(item, `spec.rules[${i}]`);
    if (rule) checkRule(c, rule, `spec.rules[${i}]`);
  });
  if (has(spec, 'rules')) checkRuleListRules(c, rules, 'spec');
}
