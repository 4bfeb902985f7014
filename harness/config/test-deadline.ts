import { ConfigError } from '../errors.ts';
import { formatDuration } from './duration.ts';
import type { TimeoutConfig } from './types.ts';

/**
 * The shortest whole-test deadline that lets a test's own waits run out first, each with the error
 * that names it: a test with a Gateway of its own waits for it to be programmed, then for its
 * routes' status, then for traffic to converge. Below this, a cloud load balancer that takes its
 * full gatewayMustBeProgrammed fails as a TestDeadlineError that names no wait (audit V10).
 */
export function testDeadlineFloor(t: TimeoutConfig): number {
  return t.gatewayMustBeProgrammed + t.routeMustHaveParents + t.maxTimeToConsistency;
}

/**
 * The default deadline is raised to the floor, so lengthening a wait never needs a second flag; a
 * deadline the user set below it is refused, because it could only produce false failures.
 */
export function withTestDeadline(timeouts: TimeoutConfig, userSetTest: boolean): TimeoutConfig {
  const floor = testDeadlineFloor(timeouts);
  if (timeouts.test >= floor) return timeouts;
  if (!userSetTest) return { ...timeouts, test: floor };
  throw new ConfigError(
    `timeouts test=${formatDuration(timeouts.test)} is shorter than the waits one test makes ` +
      `(gatewayMustBeProgrammed ${formatDuration(timeouts.gatewayMustBeProgrammed)} + routeMustHaveParents ${formatDuration(timeouts.routeMustHaveParents)} + ` +
      `maxTimeToConsistency ${formatDuration(timeouts.maxTimeToConsistency)} = ${formatDuration(floor)}); set test to at least that, or shorten those`,
  );
}
