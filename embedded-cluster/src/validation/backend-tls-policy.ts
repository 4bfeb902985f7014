import { has, isJsonObject, type JsonObject } from './json-shape.ts';
import { checkLocalObjectReference } from './object-references.ts';
import { GROUP, KIND, OBJECT_NAME, PRECISE_HOSTNAME, SECTION_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_CA_REFS = 8;

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
  c.rule(consistent, 'spec.targetRefs', 'array', 'sectionName must be specified when targetRefs includes 2 or more references to the same target');
  const sameSection = (a: JsonObject, b: JsonObject): boolean => (unsetSection(a) && unsetSection(b)) || a['sectionName'] === b['sectionName'];
  const unique = refs.every((a) => refs.filter((b) => sameTarget(a, b) && sameSection(a, b)).length === 1);
  c.rule(unique, 'spec.targetRefs', 'array', 'sectionName must be unique when targetRefs includes 2 or more references to the same target');
}

function checkValidation(c: SchemaCheck, validation: JsonObject, path: string): void {
  c.requireKeys(validation, path, ['hostname']);
  c.string(validation, 'hostname', path, PRECISE_HOSTNAME);
  const caRefs = c.list(validation, 'caCertificateRefs', path, { maxItems: MAX_CA_REFS });
  caRefs.forEach((item, i) => {
    const ref = c.item(item, `${path}.caCertificateRefs[${i}]`);
    if (ref) checkLocalObjectReference(c, ref, `${path}.caCertificateRefs[${i}]`);
  });
  const wellKnown = c.enumString(validation, 'wellKnownCACertificates', path, ['System']);
  const hasCaRefs = caRefs.length > 0;
  const hasWellKnown = wellKnown !== undefined && wellKnown !== '';
  c.rule(!(hasCaRefs && hasWellKnown), path, 'object', 'must not contain both CACertificateRefs and WellKnownCACertificates');
  c.rule(hasCaRefs || hasWellKnown, path, 'object', 'must specify either CACertificateRefs or WellKnownCACertificates');
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
}
