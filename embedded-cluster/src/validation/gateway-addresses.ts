import { isIP } from 'node:net';
import { invalidValue, typeInvalid } from './cause.ts';
import { has, type JsonObject } from './json-shape.ts';
import type { Pattern } from './patterns.ts';
import type { SchemaCheck, StringSchema } from './schema-check.ts';

const MAX_ADDRESSES = 16;
const HOSTNAME_SOURCE = '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const HOSTNAME_VALUE = new RegExp(HOSTNAME_SOURCE);
const ADDRESS_TYPE_SOURCE = "^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$";
const ADDRESS_TYPE: StringSchema = { minLength: 1, maxLength: 253, pattern: { source: ADDRESS_TYPE_SOURCE, regex: new RegExp(ADDRESS_TYPE_SOURCE) } satisfies Pattern };
const ADDRESS_VALUE: StringSchema = { maxLength: 253 };

/**
 * The schema's `oneOf`: an IPAddress must carry an IPv4 or IPv6 value (`anyOf` of two formats).
 * The server reports both combinators without a field, and the format miss at the value.
 */
function checkIpFormat(c: SchemaCheck, address: JsonObject, path: string): void {
  const value = address['value'];
  if ((address['type'] ?? 'IPAddress') !== 'IPAddress' || typeof value !== 'string' || isIP(value) !== 0) return;
  c.add({ ...invalidValue('<nil>', '', `"${path}" must validate one and only one schema (oneOf). Found none valid`), field: '<nil>' });
  c.add({ ...invalidValue('<nil>', '', `"${path}.value" must validate at least one schema (anyOf)`), field: '<nil>' });
  c.add(typeInvalid(`${path}.value`, value, `${path}.value in body must be of type ipv4: ${JSON.stringify(value)}`));
}

function uniqueValuesOf(addresses: readonly JsonObject[], type: string): boolean {
  const values = addresses.filter((a) => a['type'] === type && has(a, 'value')).map((a) => a['value']);
  return new Set(values).size === values.length;
}

/** `spec.addresses` of a Gateway (type defaults to IPAddress before this runs). */
export function checkSpecAddresses(c: SchemaCheck, spec: JsonObject): void {
  const addresses: JsonObject[] = [];
  c.list(spec, 'addresses', 'spec', { maxItems: MAX_ADDRESSES }).forEach((item, i) => {
    const at = `spec.addresses[${i}]`;
    const address = c.item(item, at);
    if (!address) return;
    addresses.push(address);
    c.string(address, 'type', at, ADDRESS_TYPE);
    const value = c.string(address, 'value', at, ADDRESS_VALUE);
    checkIpFormat(c, address, at);
    const hostnameOk = address['type'] !== 'Hostname' || value === undefined || HOSTNAME_VALUE.test(value);
    c.rule(hostnameOk, at, `Hostname value must be empty or contain only valid characters (matching ${HOSTNAME_SOURCE})`);
  });
  c.rule(uniqueValuesOf(addresses, 'IPAddress'), 'spec.addresses', 'IPAddress values must be unique');
  c.rule(uniqueValuesOf(addresses, 'Hostname'), 'spec.addresses', 'Hostname values must be unique');
}

/** `status.addresses`: here the value is required, and a Hostname must be one. */
export function checkStatusAddresses(c: SchemaCheck, status: JsonObject): void {
  c.list(status, 'addresses', 'status', { maxItems: MAX_ADDRESSES }).forEach((item, i) => {
    const at = `status.addresses[${i}]`;
    const address = c.item(item, at);
    if (!address) return;
    c.requireKeys(address, at, ['value']);
    c.string(address, 'type', at, ADDRESS_TYPE);
    const value = c.string(address, 'value', at, { minLength: 1, maxLength: 253 });
    checkIpFormat(c, address, at);
    const hostnameOk = address['type'] !== 'Hostname' || (value !== undefined && HOSTNAME_VALUE.test(value));
    c.rule(hostnameOk, at, `Hostname value must only contain valid characters (matching ${HOSTNAME_SOURCE})`);
  });
}
