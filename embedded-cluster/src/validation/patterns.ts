import type { StringSchema } from './schema-check.ts';

/** A CRD `pattern`: the text the server prints, and an equivalent JavaScript expression. */
export interface Pattern {
  source: string;
  regex: RegExp;
}

function pattern(source: string, flags = ''): Pattern {
  return { source, regex: new RegExp(source, flags) };
}

const DNS_SUBDOMAIN = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';

/** String schemas of the shared Gateway API scalar types, as the CRDs declare them. */
export const HOSTNAME: StringSchema = { minLength: 1, maxLength: 253, pattern: pattern(`^(\\*\\.)?${DNS_SUBDOMAIN}$`) };
export const PRECISE_HOSTNAME: StringSchema = { minLength: 1, maxLength: 253, pattern: pattern(`^${DNS_SUBDOMAIN}$`) };
export const SECTION_NAME: StringSchema = { minLength: 1, maxLength: 253, pattern: pattern(`^${DNS_SUBDOMAIN}$`) };
export const GROUP: StringSchema = { maxLength: 253, pattern: pattern(`^$|^${DNS_SUBDOMAIN}$`) };
export const KIND: StringSchema = { minLength: 1, maxLength: 63, pattern: pattern('^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$') };
export const OBJECT_NAME: StringSchema = { minLength: 1, maxLength: 253 };
export const NAMESPACE: StringSchema = { minLength: 1, maxLength: 63, pattern: pattern('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$') };
export const HEADER_NAME: StringSchema = { minLength: 1, maxLength: 256, pattern: pattern("^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$") };
export const HEADER_VALUE: StringSchema = { minLength: 1, maxLength: 4096 };
/** The experimental channel adds a pattern to header-filter values. */
export const HEADER_FILTER_VALUE_EXPERIMENTAL: StringSchema = { ...HEADER_VALUE, pattern: pattern('^[!-~]+([\\t ]?[!-~]+)*$') };
export const GATEWAY_CONTROLLER: StringSchema = {
  minLength: 1,
  maxLength: 253,
  pattern: pattern(`^${DNS_SUBDOMAIN}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`),
};
export const PROTOCOL_TYPE: StringSchema = {
  minLength: 1,
  maxLength: 255,
  pattern: pattern(`^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|${DNS_SUBDOMAIN}\\/[A-Za-z0-9]+$`),
};
export const ANNOTATION_VALUE: StringSchema = { maxLength: 4096 };

/** Port numbers and weights. */
export const PORT_NUMBER = { minimum: 1, maximum: 65535 } as const;
export const WEIGHT = { minimum: 0, maximum: 1_000_000 } as const;

/** Patterns used by CEL rules (not schema keywords, so the server never prints them as `should match`). */
export const GRPC_SERVICE_PATTERN = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
export const GRPC_METHOD_PATTERN = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** The Gateway API group, the default group of parentRefs and route kinds. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
