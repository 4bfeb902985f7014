import { describe, expect, it } from 'vitest';
import { testDeadlineFloor, withTestDeadline } from '../../harness/config/test-deadline.ts';
import { DEFAULT_TIMEOUTS } from '../../harness/config/timeouts.ts';

describe('the whole-test deadline', () => {
  it('is never shorter than a Gateway, a route status and a traffic wait in a row', () => {
    expect(testDeadlineFloor(DEFAULT_TIMEOUTS)).toBe(180_000 + 60_000 + 30_000);
    expect(withTestDeadline(DEFAULT_TIMEOUTS, false).test).toBe(270_000);
    expect(withTestDeadline({ ...DEFAULT_TIMEOUTS, gatewayMustBeProgrammed: 600_000 }, false).test).toBe(690_000);
    expect(withTestDeadline({ ...DEFAULT_TIMEOUTS, test: 900_000 }, true).test).toBe(900_000);
  });

  it('refuses a shorter one the user set, in one line naming the waits', () => {
    expect(() => withTestDeadline({ ...DEFAULT_TIMEOUTS, test: 60_000 }, true)).toThrow(
      'timeouts test=1m00s is shorter than the waits one test makes (gatewayMustBeProgrammed 3m00s + routeMustHaveParents 1m00s + maxTimeToConsistency 30.0s = 4m30s); set test to at least that, or shorten those',
    );
  });
});
