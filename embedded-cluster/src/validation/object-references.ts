import { has, type JsonObject } from './json-shape.ts';
import { GROUP, KIND, NAMESPACE, OBJECT_NAME, PORT_NUMBER, WEIGHT } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

/** LocalObjectReference (e.g. `extensionRef`, `caCertificateRefs[]`): group, kind and name all required. */
export function checkLocalObjectReference(c: SchemaCheck, ref: JsonObject, path: string): void {
  c.requireKeys(ref, path, ['group', 'kind', 'name']);
  c.string(ref, 'group', path, GROUP);
  c.string(ref, 'kind', path, KIND);
  c.string(ref, 'name', path, OBJECT_NAME);
}

/** SecretObjectReference (listener `certificateRefs[]`). */
export function checkSecretObjectReference(c: SchemaCheck, ref: JsonObject, path: string): void {
  c.requireKeys(ref, path, ['name']);
  c.string(ref, 'group', path, GROUP);
  c.string(ref, 'kind', path, KIND);
  c.string(ref, 'name', path, OBJECT_NAME);
  c.string(ref, 'namespace', path, NAMESPACE);
}

/** BackendObjectReference, with its CEL rule that a core Service reference names a port. */
export function checkBackendObjectReference(c: SchemaCheck, ref: JsonObject, path: string): void {
  c.requireKeys(ref, path, ['name']);
  const group = c.string(ref, 'group', path, GROUP);
  const kind = c.string(ref, 'kind', path, KIND);
  c.string(ref, 'name', path, OBJECT_NAME);
  c.string(ref, 'namespace', path, NAMESPACE);
  c.integer(ref, 'port', path, PORT_NUMBER);
  const needsPort = group === '' && kind === 'Service';
  c.rule(!needsPort || has(ref, 'port'), path, 'Must have port for Service reference');
}

/** BackendRef: a BackendObjectReference plus `weight`. */
export function checkBackendRef(c: SchemaCheck, ref: JsonObject, path: string): void {
  checkBackendObjectReference(c, ref, path);
  c.integer(ref, 'weight', path, WEIGHT);
}
