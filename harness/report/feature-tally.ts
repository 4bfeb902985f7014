import { FEATURES, type FeatureName, type SupportLevel } from '../features/features.ts';
import { featureExistsInRelease } from '../features/release.ts';
import type { RunResult } from '../runner/results.ts';
import { outcomeColumn } from './outcome-words.ts';

export interface Tally {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface FeatureRow extends Tally {
  readonly feature: FeatureName;
  readonly level: SupportLevel;
  readonly supported: boolean;
}

export interface LevelRow extends Tally {
  readonly level: SupportLevel;
}

const LEVELS: readonly SupportLevel[] = ['core', 'extended', 'implementation-specific'];

function tally(outcomes: readonly RunResult['tests'][number]['outcome'][]): Tally {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const outcome of outcomes) counts[outcomeColumn(outcome)] += 1;
  return counts;
}

/**
 * One row per feature of the run's release, in the feature catalogue's order (core first): the
 * tests that need that feature, by outcome. A test needing several features counts in each of their rows.
 */
export function featureRows(run: RunResult): FeatureRow[] {
  return FEATURES.filter((f) => featureExistsInRelease(f, run.gatewayAPIVersion)).map((f) => ({
    feature: f.name,
    level: f.level,
    supported: run.supportedFeatures.includes(f.name),
    ...tally(run.tests.filter((t) => t.features.includes(f.name)).map((t) => t.outcome)),
  }));
}

/** One row per test level (core, extended, implementation-specific): each test counted once. */
export function levelRows(run: RunResult): LevelRow[] {
  return LEVELS.map((level) => ({ level, ...tally(run.tests.filter((t) => t.level === level).map((t) => t.outcome)) }));
}

/** Every test once, by outcome column. */
export function totalTally(run: RunResult): Tally {
  return tally(run.tests.map((t) => t.outcome));
}
