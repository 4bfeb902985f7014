import { featureInfo, type FeatureName, type SupportLevel } from '../features/features.ts';

const ORDER: readonly SupportLevel[] = ['core', 'extended', 'implementation-specific'];

/** A test is as optional as its most optional feature: one extended feature makes it extended. */
export function testLevel(features: readonly FeatureName[]): SupportLevel {
  let index = 0;
  for (const name of features) index = Math.max(index, ORDER.indexOf(featureInfo(name)?.level ?? 'core'));
  return ORDER[index]!;
}
