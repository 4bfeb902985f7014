import type { JsonObject } from './json-shape.ts';
import { GROUP, KIND, OBJECT_NAME, type Pattern } from './patterns.ts';
import type { SchemaCheck, StringSchema } from './schema-check.ts';

// The key rules are CEL (so the server names the map, not the key); values are schema-checked.
const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;
const LABEL_VALUE_SOURCE = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';
const LABEL_VALUE: StringSchema = { maxLength: 63, pattern: { source: LABEL_VALUE_SOURCE, regex: new RegExp(LABEL_VALUE_SOURCE) } satisfies Pattern };
const ANNOTATION_VALUE: StringSchema = { maxLength: 4096 };

function checkKeyedMap(c: SchemaCheck, infrastructure: JsonObject, key: 'labels' | 'annotations', maxProperties: number, valueSchema: StringSchema): void {
  const path = `spec.infrastructure.${key}`;
  const map = c.object(infrastructure, key, 'spec.infrastructure');
  if (!map) return;
  const keys = Object.keys(map);
  if (keys.length > maxProperties) c.add({ field: path, message: `Too many: ${keys.length}: must have at most ${maxProperties} items`, reason: 'FieldValueTooMany' });
  for (const name of keys) c.stringValue(map[name], `${path}.${name}`, valueSchema);
  const noun = key === 'labels' ? 'label' : 'annotation';
  const title = key === 'labels' ? 'Label' : 'Annotation';
  c.rule(keys.every((k) => KEY.test(k)), path, `${title} keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.`);
  c.rule(keys.every((k) => [...k.split('/')[0]!].length < 253), path, `If specified, the ${noun} key's prefix must be a DNS subdomain not longer than 253 characters in total.`);
}

/** `spec.infrastructure` of a Gateway. */
export function checkInfrastructure(c: SchemaCheck, spec: JsonObject): void {
  const infrastructure = c.object(spec, 'infrastructure', 'spec');
  if (!infrastructure) return;
  checkKeyedMap(c, infrastructure, 'labels', 8, LABEL_VALUE);
  checkKeyedMap(c, infrastructure, 'annotations', 16, ANNOTATION_VALUE);
  const ref = c.object(infrastructure, 'parametersRef', 'spec.infrastructure');
  if (!ref) return;
  const at = 'spec.infrastructure.parametersRef';
  c.requireKeys(ref, at, ['group', 'kind', 'name']);
  c.string(ref, 'group', at, GROUP);
  c.string(ref, 'kind', at, KIND);
  c.string(ref, 'name', at, OBJECT_NAME);
}
