import { has, isJsonObject, type JsonObject } from './json-shape.ts';
import { checkLocalObjectReference } from './object-references.ts';
import { ANNOTATION_VALUE, GROUP, HOSTNAME, KIND, OBJECT_NAME, PRECISE_HOSTNAME, SECTION_NAME } from './patterns.ts';
import type { SchemaCheck, StringSchema } from './schema-check.ts';

const MAX_CA_REFS = 8;
const MAX_SANS = 5;
const SAN_TYPES = ['Hostname', 'URI'] as const;
const URI_SOURCE = '^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\\?([^#]*))?(#(.*))?';
const URI: StringSchema = { minLength: 1, maxLength: 253, pattern: { source: URI_SOURCE, regex: new RegExp(URI_SOURCE) } };

// Not an enum: `System` or an implementation-specific `domain/name`.
const WELL_KNOWN_SOURCE = '^(System|([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$';
const WELL_KNOWN: StringSchema = { minLength: 1, maxLength: 253, pattern: { source: WELL_KNOWN_SOURCE, regex: new RegExp(WELL_KNOWN_SOURCE) } };

const filled = (san: JsonObject, key: string): boolean => has(san, key) && san[key] !== '';

function checkSubjectAltNames(c: SchemaCheck, validation: JsonObject, path: string): void {
  c.list(validation, 'subjectAltNames', path, { maxItems: MAX_SANS }).forEach((item, i) => {
    const at = `${path}.subjectAltNames[${i}]`;
    const san = c.item(item, at);
    if (!san) return;
    c.requireKeys(san, at, ['type']);
    const type = c.enumString(san, 'type', at, SAN_TYPES);
    c.string(san, 'hostname', at, HOSTNAME);
    c.string(san, 'uri', at, URI);
    c.rule(!(type === 'Hostname' && !filled(san, 'hostname')), at, 'SubjectAltName element must contain Hostname, if Type is set to Hostname');
    c.rule(!(type !== 'Hostname' && filled(san, 'hostname')), at, 'SubjectAltName element must not contain Hostname, if Type is not set to Hostname');
    c.rule(!(type === 'URI' && !filled(san, 'uri')), at, 'SubjectAltName element must contain URI, if Type is set to URI');
    c.rule(!(type !== 'URI' && filled(san, 'uri')), at, 'SubjectAltName element must not contain URI, if Type is not set to URI');
  });
}

const unsetSection = (ref: JsonObject): boolean => !has(ref, 'sectionName') || ref['sectionName'] === '';
const sameTarget = (a: JsonObject, b: JsonObject): boolean => a['group'] === b['group'] && a['kind'] === b['kind'] && a['name'] === b['name'];

function checkTargetRefs(c: SchemaCheck, spec: JsonObject): void {
  const items = c.list(spec, 'targetRefs', 'spec', { minItems: 1, maxItems: 16 });
  items.forEach((item, i) => {
    const at = `spec.targetRefs[${i}]`;
    const ref = c.item(item, at);
    if (!ref) return;
    c.requireKeys(ref, at, ['group', 'kind', 'name']);
    c.string(ref, 'group', at, GROUP);
    c.string(ref, 'kind', at, KIND);
    c.string(ref, 'name', at, OBJECT_NAME);
    c.string(ref, 'sectionName', at, SECTION_NAME);
  });
  const refs = items.filter(isJsonObject);
  const consistent = refs.every((a) => refs.every((b) => !sameTarget(a, b) || unsetSection(a) === unsetSection(b)));
  c.rule(consistent, 'spec.targetRefs', 'sectionName must be specified when targetRefs includes 2 or more references to the same target');
  const sameSection = (a: JsonObject, b: JsonObject): boolean => (unsetSection(a) && unsetSection(b)) || a['sectionName'] === b['sectionName'];
  const unique = refs.every((a) => refs.filter((b) => sameTarget(a, b) && sameSection(a, b)).length === 1);
  c.rule(unique, 'spec.targetRefs', 'sectionName must be unique when targetRefs includes 2 or more references to the same target');
}

function checkValidation(c: SchemaCheck, validation: JsonObject, path: string): void {
  c.requireKeys(validation, path, ['hostname']);
  c.string(validation, 'hostname', path, PRECISE_HOSTNAME);
  const caRefs = c.list(validation, 'caCertificateRefs', path, { maxItems: MAX_CA_REFS });
  caRefs.forEach((item, i) => {
    const ref = c.item(item, `${path}.caCertificateRefs[${i}]`);
    if (ref) checkLocalObjectReference(c, ref, `${path}.caCertificateRefs[${i}]`);
  });
  const wellKnown = c.string(validation, 'wellKnownCACertificates', path, WELL_KNOWN);
  const hasCaRefs = caRefs.length > 0;
  const hasWellKnown = wellKnown !== undefined && wellKnown !== '';
  c.rule(!(hasCaRefs && hasWellKnown), path, 'must not contain both CACertificateRefs and WellKnownCACertificates');
  c.rule(hasCaRefs || hasWellKnown, path, 'must specify either CACertificateRefs or WellKnownCACertificates');
  checkSubjectAltNames(c, validation, path);
}

/** gateway.networking.k8s.io BackendTLSPolicy. */
export function checkBackendTlsPolicy(c: SchemaCheck, obj: JsonObject): void {
  c.requireKeys(obj, '', ['spec']);
  const spec = c.object(obj, 'spec', '');
  if (!spec) return;
  c.requireKeys(spec, 'spec', ['targetRefs', 'validation']);
  checkTargetRefs(c, spec);
  const validation = c.object(spec, 'validation', 'spec');
  if (validation) checkValidation(c, validation, 'spec.validation');
  c.stringMap(spec, 'options', 'spec', 16, {}, ANNOTATION_VALUE);
}
