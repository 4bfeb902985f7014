import { duplicateValue } from './cause.ts';
import { isJsonObject, type JsonObject } from './json-shape.ts';
import { checkSecretObjectReference } from './object-references.ts';
import { GROUP, KIND, NAMESPACE, OBJECT_NAME, PORT_NUMBER } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const VALIDATION_MODES = ['AllowValidOnly', 'AllowInsecureFallback'] as const;
const MAX_PER_PORT = 64;
const MAX_CA_REFS = 16;

function checkCaRef(c: SchemaCheck, ref: JsonObject, path: string): void {
  c.requireKeys(ref, path, ['group', 'kind', 'name']);
  c.string(ref, 'group', path, GROUP);
  c.string(ref, 'kind', path, KIND);
  c.string(ref, 'name', path, OBJECT_NAME);
  c.string(ref, 'namespace', path, NAMESPACE);
}

/** A frontend TLS config: `{ validation: { caCertificateRefs, mode } }`. */
function checkTlsConfig(c: SchemaCheck, config: JsonObject, path: string): void {
  const validation = c.object(config, 'validation', path);
  if (!validation) return;
  const at = `${path}.validation`;
  c.requireKeys(validation, at, ['caCertificateRefs']);
  c.list(validation, 'caCertificateRefs', at, { minItems: 1, maxItems: MAX_CA_REFS }).forEach((item, i) => {
    const ref = c.item(item, `${at}.caCertificateRefs[${i}]`);
    if (ref) checkCaRef(c, ref, `${at}.caCertificateRefs[${i}]`);
  });
  c.enumString(validation, 'mode', at, VALIDATION_MODES);
}

function checkFrontend(c: SchemaCheck, frontend: JsonObject, path: string): void {
  c.requireKeys(frontend, path, ['default']);
  const defaults = c.object(frontend, 'default', path);
  if (defaults) checkTlsConfig(c, defaults, `${path}.default`);
  const items = c.list(frontend, 'perPort', path, { maxItems: MAX_PER_PORT });
  items.forEach((item, i) => {
    const at = `${path}.perPort[${i}]`;
    const entry = c.item(item, at);
    if (!entry) return;
    c.requireKeys(entry, at, ['port', 'tls']);
    c.integer(entry, 'port', at, PORT_NUMBER);
    const tls = c.object(entry, 'tls', at);
    if (tls) checkTlsConfig(c, tls, `${at}.tls`);
  });
  // A list-map keyed by port: a repeated port is a duplicate entry, and the CEL rule says so too.
  const ports = items.map((item) => (isJsonObject(item) ? item['port'] : undefined));
  ports.forEach((port, i) => {
    if (typeof port === 'number' && ports.indexOf(port) < i) c.add(duplicateValue(`${path}.perPort[${i}]`, { port }));
  });
  c.rule(ports.every((p) => ports.filter((q) => q === p).length === 1), `${path}.perPort`, 'Port for TLS configuration must be unique within the Gateway');
}

/** `spec.tls` of a Gateway: client certificate validation (frontend) and the Gateway's client certificate (backend). */
export function checkGatewayTls(c: SchemaCheck, spec: JsonObject): void {
  const tls = c.object(spec, 'tls', 'spec');
  if (!tls) return;
  const frontend = c.object(tls, 'frontend', 'spec.tls');
  if (frontend) checkFrontend(c, frontend, 'spec.tls.frontend');
  const backend = c.object(tls, 'backend', 'spec.tls');
  const ref = backend ? c.object(backend, 'clientCertificateRef', 'spec.tls.backend') : undefined;
  if (ref) checkSecretObjectReference(c, ref, 'spec.tls.backend.clientCertificateRef');
}
