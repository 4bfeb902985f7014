import { expect } from 'vitest';
import { validateObject, type ValidationCause } from '../../src/validation/index.ts';

/** One expected cause; `message` may be a substring of the real one. */
export interface ExpectedCause {
  field: string;
  message: string;
  reason?: ValidationCause['reason'];
}

/** A table row: an object and the causes it must produce ([] = valid). */
export interface ValidationCase {
  name: string;
  obj: Record<string, unknown>;
  old?: Record<string, unknown>;
  causes: ExpectedCause[];
}

/** Asserts the object yields exactly the expected causes (each matched once, nothing extra). */
export function expectCauses(row: Pick<ValidationCase, 'obj' | 'old' | 'causes'>): void {
  const actual = validateObject(row.obj, row.old);
  const unmatched = [...actual];
  for (const want of row.causes) {
    const at = unmatched.findIndex(
      (got) => got.field === want.field && got.message.includes(want.message) && (want.reason === undefined || got.reason === want.reason),
    );
    expect(at, `expected ${JSON.stringify(want)} among ${JSON.stringify(actual, null, 1)}`).toBeGreaterThanOrEqual(0);
    unmatched.splice(at, 1);
  }
  expect(unmatched, 'unexpected causes').toEqual([]);
}
