import { invalidValue, requiredValue } from './cause.ts';
import { isJsonObject, type JsonObject } from './json-shape.ts';
import type { SchemaCheck } from './schema-check.ts';

interface NameRule {
  maxLength: number;
  regex: RegExp;
  explanation: string;
}

const SUBDOMAIN: NameRule = {
  maxLength: 253,
  regex: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  explanation:
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
};

const LABEL: NameRule = {
  maxLength: 63,
  regex: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  explanation:
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
};

const DNS1035_LABEL: NameRule = {
  maxLength: 63,
  regex: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  explanation:
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
};

// Only kinds whose name rule we know; others (RBAC, for one, allows ':') are left alone.
const NAME_RULES: Record<string, NameRule> = {
  Namespace: LABEL,
  Service: DNS1035_LABEL,
  ConfigMap: SUBDOMAIN,
  Secret: SUBDOMAIN,
  Pod: SUBDOMAIN,
  Endpoints: SUBDOMAIN,
  EndpointSlice: SUBDOMAIN,
  ServiceAccount: SUBDOMAIN,
  Deployment: SUBDOMAIN,
  CustomResourceDefinition: SUBDOMAIN,
  Gateway: SUBDOMAIN,
  GatewayClass: SUBDOMAIN,
  GRPCRoute: SUBDOMAIN,
  HTTPRoute: SUBDOMAIN,
  TLSRoute: SUBDOMAIN,
  TCPRoute: SUBDOMAIN,
  UDPRoute: SUBDOMAIN,
  ReferenceGrant: SUBDOMAIN,
  BackendTLSPolicy: SUBDOMAIN,
  ListenerSet: SUBDOMAIN,
};

/** `metadata.name` as ObjectMeta validation checks it for the kinds above. */
export function checkMetadataName(c: SchemaCheck, obj: JsonObject): void {
  const rule = typeof obj['kind'] === 'string' ? NAME_RULES[obj['kind']] : undefined;
  if (!rule) return;
  const metadata = isJsonObject(obj['metadata']) ? obj['metadata'] : {};
  const name = metadata['name'];
  if (name === undefined || name === null || name === '') {
    // The server fills a generated name before validating, so generateName alone is fine.
    if (typeof metadata['generateName'] !== 'string' || metadata['generateName'] === '') {
      c.add(requiredValue('metadata.name', 'name or generateName is required'));
    }
    return;
  }
  if (typeof name !== 'string') return;
  if (name.length > rule.maxLength) c.add(invalidValue('metadata.name', name, `must be no more than ${rule.maxLength} characters`));
  if (!rule.regex.test(name)) c.add(invalidValue('metadata.name', name, rule.explanation));
}
