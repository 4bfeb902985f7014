import type { ResolvedConfig } from '../config/types.ts';
import { HarnessError } from '../errors.ts';
import { ALL_FEATURE_NAMES, isKnownFeatureName, orderFeatures } from '../features/features.ts';
import { PROFILES } from '../features/profiles.ts';
import type { KubeObject } from '../kube/types.ts';
import type { FeatureSource } from '../runner/results.ts';

export interface ResolvedFeatures {
  readonly features: readonly string[];
  readonly source: FeatureSource;
}

type FeatureConfig = Pick<ResolvedConfig, 'supportedFeatures' | 'exemptFeatures' | 'allFeatures' | 'conformanceProfiles' | 'gatewayClass'>;

/**
 * --all-features ('all') > --conformance-profiles ('profiles': the profiles' core features plus
 * any --supported-features) > --supported-features ('manual') > the GatewayClass's
 * status.supportedFeatures ('inferred'). --exempt-features is subtracted from all of them.
 */
export function resolveSupportedFeatures(config: FeatureConfig, gatewayClass: KubeObject, log: (line: string) => void): ResolvedFeatures {
  const exempt = new Set<string>(config.exemptFeatures);
  const finish = (names: Iterable<string>, source: FeatureSource): ResolvedFeatures => ({
    features: orderFeatures([...names].filter((n) => !exempt.has(n))),
    source,
  });
  if (config.allFeatures) return finish(ALL_FEATURE_NAMES, 'all');
  if (config.conformanceProfiles.length > 0) {
    const names = new Set<string>(config.supportedFeatures ?? []);
    for (const profileName of config.conformanceProfiles) {
      const profile = PROFILES.find((p) => p.name === profileName);
      if (!profile) {
        throw new HarnessError('GRPCCONF_UNKNOWN_PROFILE', `unknown conformance profile "${profileName}" (known: ${PROFILES.map((p) => p.name).join(', ')})`);
      }
      for (const f of profile.core) names.add(f);
    }
    return finish(names, 'profiles');
  }
  if (config.supportedFeatures !== undefined) return finish(config.supportedFeatures, 'manual');

  const inferred = new Set<string>();
  for (const name of statusFeatureNames(gatewayClass)) {
    if (isKnownFeatureName(name)) inferred.add(name);
    else log(`GatewayClass ${config.gatewayClass} lists feature "${name}", which neither upstream nor this suite defines; ignored`);
  }
  const result = finish(inferred, 'inferred');
  if (result.features.length === 0) {
    throw new HarnessError(
      'GRPCCONF_NO_FEATURES',
      `GatewayClass "${config.gatewayClass}" lists no feature upstream or this suite defines in status.supportedFeatures; pass --supported-features, --conformance-profiles or --all-features`,
    );
  }
  return result;
}

/** Gateway API v1.2+ lists `{ name }` objects; earlier experimental releases listed plain strings. */
function statusFeatureNames(gatewayClass: KubeObject): string[] {
  const listed = (gatewayClass.status as { supportedFeatures?: unknown } | undefined)?.supportedFeatures;
  if (!Array.isArray(listed)) return [];
  return listed
    .map((entry: unknown) => (typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string');
}
