import { randomBytes } from 'node:crypto';

/** A run id that is a valid label value, sorts by start time and is unique across parallel runs. */
export function newRunId(now: Date = new Date()): string {
  return `r${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
}
