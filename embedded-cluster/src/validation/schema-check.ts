import {
  celFailure,
  duplicateValue,
  invalidValue,
  notSupported,
  requiredValue,
  tooLong,
  tooMany,
  typeInvalid,
  type ValidationCause,
} from './cause.ts';
import { isJsonObject, type JsonObject } from './json-shape.ts';
import type { Channel } from './channel.ts';
import { DEFAULT_BUNDLE_VERSION, releaseAtLeast } from './release.ts';
import type { Pattern } from './patterns.ts';

export interface StringSchema {
  minLength?: number;
  maxLength?: number;
  pattern?: Pattern;
}

export interface IntegerSchema {
  minimum?: number;
  maximum?: number;
}

export interface ListSchema {
  minItems?: number;
  maxItems?: number;
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `parent.key`, or just `key` at the object root (empty parent). */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

const BLOCKING_REASONS = new Set<ValidationCause['reason']>(['FieldValueTypeInvalid', 'FieldValueRequired', 'FieldValueTooLong', 'FieldValueTooMany', 'FieldValueNotSupported']);

function blocksCel(cause: ValidationCause): boolean {
  return BLOCKING_REASONS.has(cause.reason);
}

/** The real server's field is a nil path, which it prints as `<nil>`. */
const CEL_SKIPPED: ValidationCause = {
  field: '<nil>',
  message: 'Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
  reason: 'FieldValueInvalid',
};

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * Collects causes while walking one object, applying OpenAPI-schema keywords the way the
 * apiextensions server reports them (every failing keyword of a field, not just the first).
 */
export class SchemaCheck {
  private readonly schemaCauses: ValidationCause[] = [];
  private readonly celCauses: ValidationCause[] = [];

  /** `celRules`: false for a CRD without x-kubernetes-validations, whose server never mentions skipping them. */
  constructor(
    readonly channel: Channel,
    private readonly celRules = true,
    private readonly bundleVersion = DEFAULT_BUNDLE_VERSION,
  ) {}

  /** Whether the emulated CRDs are of release `version` or later (rules that a release added or changed). */
  since(version: string): boolean {
    return releaseAtLeast(this.bundleVersion, version);
  }

  /**
   * What the server reports: schema causes, then CEL causes. Like apiextensions, a schema cause that
   * makes the object unfit for CEL (wrong type, missing, too long, too many, not in the enum) means
   * no rule is evaluated at all, and a cause without a field says so.
   */
  get causes(): ValidationCause[] {
    if (!this.celRules) return [...this.schemaCauses];
    if (!this.schemaCauses.some(blocksCel)) return [...this.schemaCauses, ...this.celCauses];
    return [...this.schemaCauses, CEL_SKIPPED];
  }

  add(cause: ValidationCause): void {
    this.schemaCauses.push(cause);
  }

  /** A cause found by evaluating an x-kubernetes-validations rule (including the rule's own runtime errors). */
  addCel(cause: ValidationCause): void {
    this.celCauses.push(cause);
  }

  /** A CEL rule: records `message` at `path` when `holds` is false. */
  rule(holds: boolean, path: string, message: string): void {
    if (!holds) this.addCel(celFailure(path, message));
  }

  requireKeys(obj: JsonObject, path: string, keys: readonly string[]): void {
    for (const key of keys) if (isAbsent(obj[key])) this.add(requiredValue(childPath(path, key)));
  }

  private typed(value: unknown, path: string, expected: string): boolean {
    const actual = jsonTypeOf(value);
    if (actual === expected || (expected === 'number' && actual === 'integer')) return true;
    this.add(typeInvalid(path, actual, `${path} in body must be of type ${expected}: "${actual}"`));
    return false;
  }

  object(parent: JsonObject, key: string, path: string): JsonObject | undefined {
    const value = parent[key];
    if (isAbsent(value)) return undefined;
    return this.typed(value, childPath(path, key), 'object') && isJsonObject(value) ? value : undefined;
  }

  /** Type-checks a list item that must be an object. */
  item(value: unknown, path: string): JsonObject | undefined {
    return this.typed(value, path, 'object') && isJsonObject(value) ? value : undefined;
  }

  string(parent: JsonObject, key: string, path: string, schema: StringSchema = {}): string | undefined {
    return this.stringValue(parent[key], childPath(path, key), schema);
  }

  stringValue(value: unknown, path: string, schema: StringSchema = {}): string | undefined {
    if (isAbsent(value)) return undefined;
    if (!this.typed(value, path, 'string') || typeof value !== 'string') return undefined;
    // The server counts characters (runes), not UTF-16 units, and reports only the first of
    // maxLength, minLength and pattern that fails.
    const length = [...value].length;
    if (schema.maxLength !== undefined && length > schema.maxLength) this.add(tooLong(path, schema.maxLength));
    else if (schema.minLength !== undefined && length < schema.minLength) {
      this.add(invalidValue(path, value, `${path} in body should be at least ${schema.minLength} chars long`));
    } else if (schema.pattern && !schema.pattern.regex.test(value)) {
      this.add(invalidValue(path, value, `${path} in body should match '${schema.pattern.source}'`));
    }
    return value;
  }

  integer(parent: JsonObject, key: string, path: string, schema: IntegerSchema = {}): number | undefined {
    const value = parent[key];
    const at = childPath(path, key);
    if (isAbsent(value)) return undefined;
    if (!this.typed(value, at, 'integer') || typeof value !== 'number') return undefined;
    if (schema.minimum !== undefined && value < schema.minimum) {
      this.add(invalidValue(at, value, `${at} in body should be greater than or equal to ${schema.minimum}`));
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      this.add(invalidValue(at, value, `${at} in body should be less than or equal to ${schema.maximum}`));
    }
    return value;
  }

  enumString(parent: JsonObject, key: string, path: string, allowed: readonly string[]): string | undefined {
    const value = this.string(parent, key, path);
    if (value !== undefined && !allowed.includes(value)) this.add(notSupported(childPath(path, key), value, allowed));
    return value;
  }

  /** Returns the list's items (empty when absent or mistyped) after checking the item-count limits. */
  list(parent: JsonObject, key: string, path: string, schema: ListSchema = {}): unknown[] {
    const value = parent[key];
    const at = childPath(path, key);
    if (isAbsent(value)) return [];
    if (!this.typed(value, at, 'array') || !Array.isArray(value)) return [];
    if (schema.maxItems !== undefined && value.length > schema.maxItems) this.add(tooMany(at, value.length, schema.maxItems));
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      this.add(invalidValue(at, value.length, `${at} in body should have at least ${schema.minItems} items`));
    }
    return value;
  }

  /** A map with string values (e.g. TLS options), checking maxProperties and value lengths. */
  stringMap(parent: JsonObject, key: string, path: string, maxProperties: number, keySchema: StringSchema, valueSchema: StringSchema): void {
    const map = this.object(parent, key, path);
    if (!map) return;
    const entries = Object.entries(map);
    if (entries.length > maxProperties) this.add(tooMany(childPath(path, key), entries.length, maxProperties));
    for (const [name, value] of entries) {
      this.stringValue(name, childPath(path, key), keySchema);
      // The server names a map value like a property: `options.key`, not `options[key]`.
      this.stringValue(value, `${path}.${key}.${name}`, valueSchema);
    }
  }

  /** `x-kubernetes-list-type: map`: an entry repeating an earlier entry's key is a duplicate. */
  uniqueMapKeys(items: readonly unknown[], path: string, keyField: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (!isJsonObject(item) || typeof item[keyField] !== 'string') return;
      const key = item[keyField];
      if (seen.has(key)) this.add(duplicateValue(`${path}[${i}]`, { [keyField]: key }));
      seen.add(key);
    });
  }

  /** `x-kubernetes-list-type: set`: a value repeating an earlier value is a duplicate. */
  uniqueSetValues(items: readonly unknown[], path: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) this.add(duplicateValue(`${path}[${i}]`, item));
      seen.add(key);
    });
  }
}
