import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../harness/config/duration.ts';
import { DEFAULT_TIMEOUTS, parseTimeoutOverrides, TIMEOUT_KEYS } from '../../harness/config/timeouts.ts';
import { ConfigError } from '../../harness/errors.ts';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '30', 's', '10x', '5 s', '-1s'])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(ConfigError);
  });

  it('suggests a unit for a bare number', () => expect(() => parseDuration('30')).toThrow(/add a unit: 30s or 30ms/));
});

describe('formatDuration', () => {
  it.each([
    [40, '40ms'],
    [400, '0.4s'],
    [12_345, '12.3s'],
    [125_000, '2m05s'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('timeouts', () => {
  it('defaults follow upstream', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({
      gatewayClassMustBeAccepted: 180_000,
      gatewayMustBeProgrammed: 180_000,
      routeMustHaveParents: 60_000,
      namespacesMustBeReady: 300_000,
      maxTimeToConsistency: 30_000,
      requiredConsecutiveSuccesses: 3,
      pollInterval: 100,
      requestTimeout: 10_000,
      create: 60_000,
      delete: 30_000,
      test: 120_000,
      clusterInUse: 1_800_000,
    });
    expect(Object.isFrozen(DEFAULT_TIMEOUTS)).toBe(true);
  });

  it('knows exactly the TimeoutConfig fields', () => expect([...TIMEOUT_KEYS].sort()).toEqual(Object.keys(DEFAULT_TIMEOUTS).sort()));

  it('parses durations and counts', () => {
    expect(parseTimeoutOverrides('maxTimeToConsistency=45s, pollInterval=250ms,requiredConsecutiveSuccesses=5')).toEqual({
      maxTimeToConsistency: 45_000,
      pollInterval: 250,
      requiredConsecutiveSuccesses: 5,
    });
  });

  it.each([
    ['maxTimeToConsistancy=3s', /unknown timeout "maxTimeToConsistancy" \(did you mean maxTimeToConsistency\?\)/],
    ['maxTimeToConsistency', /use key=duration/],
    ['maxTimeToConsistency=3', /maxTimeToConsistency: bad duration "3"/],
    ['maxTimeToConsistency=0s', /longer than 0/],
    ['requiredConsecutiveSuccesses=2s', /positive whole number/],
    ['requiredConsecutiveSuccesses=0', /positive whole number/],
  ])('refuses %s', (text, message) => expect(() => parseTimeoutOverrides(text)).toThrow(message));
});
