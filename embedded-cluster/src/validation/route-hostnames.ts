import type { JsonObject } from './json-shape.ts';
import { HOSTNAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_HOSTNAMES = 16;

/** Validates `<path>.hostnames` of a route: at most 16, each a (possibly wildcard) DNS name. */
export function checkRouteHostnames(c: SchemaCheck, spec: JsonObject, path: string): void {
  c.list(spec, 'hostnames', path, { maxItems: MAX_HOSTNAMES }).forEach((hostname, i) => {
    c.stringValue(hostname, `${path}.hostnames[${i}]`, HOSTNAME);
  });
}
