/** A decoded JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined when absent or not an object. */
export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isJsonObject(value) ? value : undefined;
}

/** The array at `key`, or an empty array when absent or not an array. */
export function arrayAt(parent: JsonObject | undefined, key: string): unknown[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value : [];
}

/** The string at `key`, or undefined when absent or not a string. */
export function stringAt(parent: JsonObject | undefined, key: string): string | undefined {
  const value = parent?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** CEL `has()` semantics on a decoded object: present and not null. */
export function has(parent: JsonObject | undefined, key: string): boolean {
  return parent !== undefined && parent[key] !== undefined && parent[key] !== null;
}
