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

/**
 * Asserts the object yields exactly the expected causes (each matched once, nothing extra). The
 * field-less note that CEL rules were skipped (any blocking schema cause brings it) is left out
 * unless a row lists it; test/differential checks it against the real server.
 */
export function expectCauses(row: Pick<ValidationCase, 'obj' | 'old' | 'causes'>): void {
  const listsSkip = row.causes.some((c) => c.field === '<nil>');
  const actual = validateObject(row.obj, row.old).filter((c) => listsSkip || c.field !== '<nil>');
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
