import type { ApiObject } from './api-object.ts';
import type { StatusCause } from './status-errors.ts';
import type { ValidationCause } from './validation/index.ts';

const PREFIXES: Record<string, string> = {
  FieldValueRequired: 'Required value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
};

/**
 * One cause as the real server words it: `Invalid value: "": <detail>`. Causes that already
 * carry apimachinery's wording pass through; bare details get the prefix and the offending value.
 */
export function toStatusCause(cause: ValidationCause, object: ApiObject): StatusCause {
  const reason = cause.reason ?? 'FieldValueInvalid';
  const alreadyWorded = /^(Invalid value|Required value|Unsupported value|Duplicate value|Forbidden|Too long|Too many)\b/.test(cause.message);
  let message = cause.message;
  if (!alreadyWorded) {
    if (reason === 'FieldValueRequired' || reason === 'FieldValueForbidden') message = `${PREFIXES[reason]}: ${cause.message}`;
    else message = `${PREFIXES[reason] ?? 'Invalid value'}: ${renderValue(valueAt(object, cause.field))}: ${cause.message}`;
  }
  return { reason, message, field: cause.field };
}

function valueAt(object: ApiObject, field: string): unknown {
  let cursor: unknown = object;
  for (const segment of field.match(/[^.[\]]+/g) ?? []) {
    if (typeof cursor !== 'object' || cursor === null) return undefined;
    cursor = Array.isArray(cursor) ? cursor[Number(segment)] : (cursor as Record<string, unknown>)[segment];
  }
  return cursor;
}

function renderValue(value: unknown): string {
  if (Array.isArray(value)) return '"array"';
  if (typeof value === 'object' && value !== null) return '"object"';
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}
