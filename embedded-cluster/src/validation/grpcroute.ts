import { checkGrpcFilters } from './grpc-filters.ts';
import { checkGrpcMatch } from './grpc-match.ts';
import type { JsonObject } from './json-shape.ts';
import { checkBackendRef } from './object-references.ts';
import { checkParentRefs } from './parent-refs.ts';
import { checkRouteHostnames } from './route-hostnames.ts';
import { checkRuleListRules, checkRuleName, MAX_MATCHES_PER_RULE, MAX_RULES } from './route-rules.ts';
import type { SchemaCheck } from './schema-check.ts';
import { checkSessionPersistence } from './session-persistence.ts';

const MAX_BACKEND_REFS = 16;

function checkRule(c: SchemaCheck, rule: JsonObject, path: string): void {
  checkRuleName(c, rule, path);
  c.list(rule, 'matches', path, { maxItems: MAX_MATCHES_PER_RULE }).forEach((item, i) => {
    const match = c.item(item, `${path}.matches[${i}]`);
    if (match) checkGrpcMatch(c, match, `${path}.matches[${i}]`);
  });
  checkGrpcFilters(c, rule, path);
  c.list(rule, 'backendRefs', path, { maxItems: MAX_BACKEND_REFS }).forEach((item, i) => {
    const at = `${path}.backendRefs[${i}]`;
    const backendRef = c.item(item, at);
    if (!backendRef) return;
    checkBackendRef(c, backendRef, at);
    checkGrpcFilters(c, backendRef, at);
  });
  checkSessionPersistence(c, rule, path);
}

/** gateway.networking.k8s.io GRPCRoute (spec only; status is not validated on the main resource). */
export function checkGrpcRoute(c: SchemaCheck, obj: JsonObject): void {
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
  checkRuleListRules(c, rules, 'spec');
}
