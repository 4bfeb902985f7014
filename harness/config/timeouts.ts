import { ConfigError } from '../errors.ts';
import { suggest } from './did-you-mean.ts';
import { parseDuration } from './duration.ts';
import type { TimeoutConfig } from './types.ts';

type TimeoutKey = keyof TimeoutConfig;

/**
 * Every TimeoutConfig field with its kind and default. The mapped type makes the compiler
 * reject a missing or extra field, so parsing never needs a hand-kept switch. Defaults follow
 * upstream's `DefaultTimeoutConfig` where upstream has the field.
 */
export const TIMEOUT_FIELDS: { readonly [K in TimeoutKey]: { readonly kind: 'duration' | 'count'; readonly default: number } } = {
  gatewayClassMustBeAccepted: { kind: 'duration', default: 180_000 },
  gatewayMustBeProgrammed: { kind: 'duration', default: 180_000 },
  routeMustHaveParents: { kind: 'duration', default: 60_000 },
  namespacesMustBeReady: { kind: 'duration', default: 300_000 },
  maxTimeToConsistency: { kind: 'duration', default: 30_000 },
  requiredConsecutiveSuccesses: { kind: 'count', default: 3 },
  pollInterval: { kind: 'duration', default: 100 },
  requestTimeout: { kind: 'duration', default: 10_000 },
  create: { kind: 'duration', default: 60_000 },
  delete: { kind: 'duration', default: 30_000 },
  test: { kind: 'duration', default: 120_000 },
  clusterInUse: { kind: 'duration', default: 1_800_000 },
};

export const TIMEOUT_KEYS = Object.keys(TIMEOUT_FIELDS) as readonly TimeoutKey[];

export const DEFAULT_TIMEOUTS: TimeoutConfig = Object.freeze(
  Object.fromEntries(TIMEOUT_KEYS.map((k) => [k, TIMEOUT_FIELDS[k].default])) as unknown as TimeoutConfig,
);

function isTimeoutKey(key: string): key is TimeoutKey {
  return Object.hasOwn(TIMEOUT_FIELDS, key);
}

/** Parses one override value: a duration for time fields, a positive integer for counts. */
export function parseTimeoutValue(key: TimeoutKey, raw: string): number {
  const value = raw.trim();
  if (TIMEOUT_FIELDS[key].kind === 'count') {
    if (!/^[1-9]\d*$/.test(value)) throw new ConfigError(`timeout ${key} must be a positive whole number, got "${raw}"`);
    return Number(value);
  }
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch (error) {
    throw new ConfigError(`timeout ${key}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (ms <= 0) throw new ConfigError(`timeout ${key} must be longer than 0, got "${raw}"`);
  return ms;
}

/** Parses `key=30s,key2=500ms,requiredConsecutiveSuccesses=5`; unknown keys and bad values are errors. */
export function parseTimeoutOverrides(text: string): Partial<TimeoutConfig> {
  const result: Partial<Record<TimeoutKey, number>> = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new ConfigError(`bad timeout override "${entry}"; use key=duration, e.g. maxTimeToConsistency=30s`);
    const key = entry.slice(0, eq).trim();
    if (!isTimeoutKey(key)) {
      const hint = suggest(key, TIMEOUT_KEYS);
      throw new ConfigError(
        `unknown timeout "${key}"${hint ? ` (did you mean ${hint}?)` : ''}; known: ${TIMEOUT_KEYS.join(', ')}`,
      );
    }
    result[key] = parseTimeoutValue(key, entry.slice(eq + 1));
  }
  return result;
}
