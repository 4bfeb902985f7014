/** One field-level problem, shaped like a `details.causes[]` entry of a Kubernetes `Status`. */
export interface ValidationCause {
  field: string;
  message: string;
  reason?:
    | 'FieldValueInvalid'
    | 'FieldValueRequired'
    | 'FieldValueTooLong'
    | 'FieldValueTooMany'
    | 'FieldValueNotSupported'
    | 'FieldValueDuplicate'
    | 'FieldValueForbidden'
    | 'FieldValueTypeInvalid';
}

// Mirrors how apimachinery's field.Error renders a bad value: simple values as Go prints them,
// strings quoted, anything else as JSON.
function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function requiredValue(field: string, detail?: string): ValidationCause {
  return { field, message: detail ? `Required value: ${detail}` : 'Required value', reason: 'FieldValueRequired' };
}

export function invalidValue(field: string, value: unknown, detail: string): ValidationCause {
  return { field, message: `Invalid value: ${formatValue(value)}: ${detail}`, reason: 'FieldValueInvalid' };
}

export function typeInvalid(field: string, value: unknown, detail: string): ValidationCause {
  return { field, message: `Invalid value: ${formatValue(value)}: ${detail}`, reason: 'FieldValueTypeInvalid' };
}

export function notSupported(field: string, value: unknown, allowed: readonly string[]): ValidationCause {
  const list = allowed.map((v) => JSON.stringify(v)).join(', ');
  return { field, message: `Unsupported value: ${formatValue(value)}: supported values: ${list}`, reason: 'FieldValueNotSupported' };
}

export function duplicateValue(field: string, value: unknown): ValidationCause {
  return { field, message: `Duplicate value: ${formatValue(value)}`, reason: 'FieldValueDuplicate' };
}

export function tooLong(field: string, maxLength: number): ValidationCause {
  return { field, message: `Too long: may not be more than ${maxLength} bytes`, reason: 'FieldValueTooLong' };
}

export function tooMany(field: string, actual: number, max: number): ValidationCause {
  return { field, message: `Too many: ${actual}: must have at most ${max} items`, reason: 'FieldValueTooMany' };
}

/**
 * A failed x-kubernetes-validations rule. kube-apiserver v1.36 leaves the value out (older
 * servers printed the schema type, `"object"`), so the message follows `Invalid value:` directly.
 */
export function celFailure(field: string, message: string): ValidationCause {
  return { field, message: `Invalid value: ${message}`, reason: 'FieldValueInvalid' };
}

/** A rule that failed to evaluate (e.g. `no such key`): this one still shows the schema type. */
export function celRuntimeError(field: string, schemaType: 'object' | 'array', message: string): ValidationCause {
  return invalidValue(field, schemaType, message);
}
