import { has, type JsonObject } from './json-shape.ts';
import { GRPC_METHOD_PATTERN, GRPC_SERVICE_PATTERN, HEADER_NAME, HEADER_VALUE } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MATCH_TYPES = ['Exact', 'RegularExpression'] as const;
const MAX_HEADER_MATCHES = 16;
const MAX_NAME_LENGTH = 1024;

const SERVICE_MESSAGE = 'service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)';
const METHOD_MESSAGE = 'method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)';

/** GRPCMethodMatch and its three CEL rules (evaluated after `type` is defaulted). */
function checkMethodMatch(c: SchemaCheck, method: JsonObject, path: string): void {
  const type = c.enumString(method, 'type', path, MATCH_TYPES);
  const service = c.string(method, 'service', path, { maxLength: MAX_NAME_LENGTH });
  const name = c.string(method, 'method', path, { maxLength: MAX_NAME_LENGTH });
  const typeSet = has(method, 'type');
  c.rule(!typeSet || has(method, 'service') || has(method, 'method'), path, "One or both of 'service' or 'method' must be specified");
  const exact = !typeSet || type === 'Exact';
  c.rule(!(exact && service !== undefined) || GRPC_SERVICE_PATTERN.test(service ?? ''), path, SERVICE_MESSAGE);
  c.rule(!(exact && name !== undefined) || GRPC_METHOD_PATTERN.test(name ?? ''), path, METHOD_MESSAGE);
}

function checkHeaderMatches(c: SchemaCheck, match: JsonObject, path: string): void {
  const items = c.list(match, 'headers', path, { maxItems: MAX_HEADER_MATCHES });
  items.forEach((item, i) => {
    const at = `${path}.headers[${i}]`;
    const header = c.item(item, at);
    if (!header) return;
    c.requireKeys(header, at, ['name', 'value']);
    c.enumString(header, 'type', at, MATCH_TYPES);
    c.string(header, 'name', at, HEADER_NAME);
    c.string(header, 'value', at, HEADER_VALUE);
  });
  // listType=map keyed by name: exact repeats are rejected, names differing only in case are not.
  c.uniqueMapKeys(items, `${path}.headers`, 'name');
}

/** GRPCRouteMatch: an optional method match ANDed with header matches. */
export function checkGrpcMatch(c: SchemaCheck, match: JsonObject, path: string): void {
  const method = c.object(match, 'method', path);
  if (method) checkMethodMatch(c, method, `${path}.method`);
  checkHeaderMatches(c, match, path);
}
