import { celFailure, celRuntimeError } from './cause.ts';
import { has, type JsonObject } from './json-shape.ts';
import { checkSecretObjectReference } from './object-references.ts';
import { ANNOTATION_VALUE, GROUP, HOSTNAME, KIND, PORT_NUMBER, PROTOCOL_TYPE, SECTION_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const TLS_MODES = ['Terminate', 'Passthrough'] as const;
const FROM_VALUES = ['All', 'Selector', 'Same'] as const;
const MAX_CERTIFICATE_REFS = 64;
const MAX_TLS_OPTIONS = 16;
const MAX_ROUTE_KINDS = 8;
const TERMINATE_MESSAGE = 'certificateRefs or options must be specified when mode is Terminate';

function nonEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

// CEL: `self.mode == 'Terminate' ? size(self.certificateRefs) > 0 || size(self.options) > 0 : true`.
// Reading an absent field is an error that only a true operand of `||` can absorb.
function checkTerminateRule(c: SchemaCheck, tls: JsonObject, path: string): void {
  if (tls['mode'] !== 'Terminate') return;
  if (nonEmpty(tls['certificateRefs']) || nonEmpty(tls['options'])) return;
  const missing = ['certificateRefs', 'options'].find((key) => !has(tls, key));
  c.addCel(missing ? celRuntimeError(path, 'object', `no such key: ${missing} evaluating rule: ${TERMINATE_MESSAGE}`) : celFailure(path, TERMINATE_MESSAGE));
}

function checkTls(c: SchemaCheck, tls: JsonObject, path: string): void {
  c.enumString(tls, 'mode', path, TLS_MODES);
  c.list(tls, 'certificateRefs', path, { maxItems: MAX_CERTIFICATE_REFS }).forEach((item, i) => {
    const ref = c.item(item, `${path}.certificateRefs[${i}]`);
    if (ref) checkSecretObjectReference(c, ref, `${path}.certificateRefs[${i}]`);
  });
  // The CRD constrains option values only; keys are free-form.
  c.stringMap(tls, 'options', path, MAX_TLS_OPTIONS, {}, ANNOTATION_VALUE);
  checkTerminateRule(c, tls, path);
}

function checkAllowedRoutes(c: SchemaCheck, allowed: JsonObject, path: string): void {
  const namespaces = c.object(allowed, 'namespaces', path);
  if (namespaces) {
    c.enumString(namespaces, 'from', `${path}.namespaces`, FROM_VALUES);
    c.object(namespaces, 'selector', `${path}.namespaces`);
  }
  c.list(allowed, 'kinds', path, { maxItems: MAX_ROUTE_KINDS }).forEach((item, i) => {
    const at = `${path}.kinds[${i}]`;
    const kind = c.item(item, at);
    if (!kind) return;
    c.requireKeys(kind, at, ['kind']);
    c.string(kind, 'group', at, GROUP);
    c.string(kind, 'kind', at, KIND);
  });
}

/** One Gateway listener (schema and per-listener CEL; list-level rules live with the Gateway). */
export function checkListener(c: SchemaCheck, listener: JsonObject, path: string): void {
  c.requireKeys(listener, path, ['name', 'port', 'protocol']);
  c.string(listener, 'name', path, SECTION_NAME);
  c.string(listener, 'hostname', path, HOSTNAME);
  c.integer(listener, 'port', path, PORT_NUMBER);
  c.string(listener, 'protocol', path, PROTOCOL_TYPE);
  const tls = c.object(listener, 'tls', path);
  if (tls) checkTls(c, tls, `${path}.tls`);
  const allowed = c.object(listener, 'allowedRoutes', path);
  if (allowed) checkAllowedRoutes(c, allowed, `${path}.allowedRoutes`);
}
