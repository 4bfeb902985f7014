import { isJsonObject, type JsonObject } from './json-shape.ts';
import { SECTION_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

/** Limits shared by GRPCRoute and HTTPRoute rules. */
export const MAX_RULES = 16;
export const MAX_MATCHES_PER_RULE = 64;
const MAX_MATCHES_PER_ROUTE = 128;

/**
 * The list-level CEL rules of route `rules`: the total match count, and unique rule names (the
 * experimental channel, and from v1.7.0 the standard one too). A standard CRD before v1.7.0
 * accepts duplicate names; controllers must catch them.
 */
export function checkRuleListRules(c: SchemaCheck, rules: readonly unknown[], path: string): void {
  // The CEL expression only adds up the first 16 rules.
  const total = rules.slice(0, MAX_RULES).reduce<number>((sum, rule) => {
    const matches = isJsonObject(rule) ? rule['matches'] : undefined;
    return sum + (Array.isArray(matches) ? matches.length : 0);
  }, 0);
  c.rule(
    total <= MAX_MATCHES_PER_ROUTE,
    `${path}.rules`,
    'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128',
  );
  if (c.channel !== 'experimental' && !c.since('v1.7.0')) return;
  const names = rules.map((rule) => (isJsonObject(rule) ? rule['name'] : undefined)).filter((n) => n !== undefined && n !== null);
  const unique = names.every((name) => names.filter((other) => other === name).length === 1);
  c.rule(unique, `${path}.rules`, 'Rule name must be unique within the route');
}

/** The optional rule `name` (a SectionName). */
export function checkRuleName(c: SchemaCheck, rule: JsonObject, path: string): void {
  c.string(rule, 'name', path, SECTION_NAME);
}
