import { GatewayConfigError } from './errors.ts';

/**
 * Random slowness, applied by the data plane: every config push lands after 0..maxDelayMs and a
 * slowFraction share of answers is slowed down. Status is written when the push is handed over, so
 * under chaos it can run ahead of programming: that is the point.
 */
export interface ChaosOptions {
  readonly maxDelayMs: number;
  /** 0..1: share of operations that are slowed down. */
  readonly slowFraction: number;
  /** Makes the delays reproducible. */
  readonly seed?: number;
}

/** Parses `maxDelayMs=3000,slowFraction=0.2[,seed=7]`; unknown keys and bad numbers are errors. */
export function parseChaos(value: string | undefined): ChaosOptions | undefined {
  if (!value?.trim()) return undefined;
  const fields: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [key, raw] = part.split('=').map((s) => s.trim());
    const number = Number(raw);
    if (!key || !['maxDelayMs', 'slowFraction', 'seed'].includes(key) || raw === undefined || !Number.isFinite(number)) {
      throw new GatewayConfigError(`bad chaos setting "${part}" (expected maxDelayMs=N,slowFraction=F[,seed=N])`, { value });
    }
    fields[key] = number;
  }
  return validateChaos({ maxDelayMs: fields.maxDelayMs ?? 0, slowFraction: fields.slowFraction ?? 0, seed: fields.seed });
}

/** Rejects negative delays and fractions outside 0..1. */
export function validateChaos(chaos: ChaosOptions): ChaosOptions {
  if (chaos.maxDelayMs < 0 || chaos.slowFraction < 0 || chaos.slowFraction > 1) {
    throw new GatewayConfigError('chaos needs maxDelayMs >= 0 and 0 <= slowFraction <= 1', { ...chaos });
  }
  return chaos;
}
