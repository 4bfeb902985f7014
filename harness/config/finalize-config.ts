import { resolve } from 'node:path';
import { resolveRealClusterSettings } from '../cluster/kind/real-cluster-settings.ts';
import { ConfigError } from '../errors.ts';
import { ALL_FEATURE_NAMES, orderFeatures } from '../features/features.ts';
import { PROFILES } from '../features/profiles.ts';
import type { ConfigLayer } from './config-input.ts';
import { CONFIG_DEFAULTS } from './defaults.ts';
import { defaultConcurrency } from './concurrency.ts';
import { deepFreeze } from './deep-freeze.ts';
import { suggest } from './did-you-mean.ts';
import { newRunId } from './run-id.ts';
import { withTestDeadline } from './test-deadline.ts';
import { DEFAULT_TIMEOUTS } from './timeouts.ts';
import type { ImplementationInfo, ResolvedConfig, StaticAddresses } from './types.ts';

export interface FinalizeOptions {
  /** Relative paths (report dir, kubeconfig, options file) resolve against this. */
  readonly cwd: string;
  /** Names of every conformance test; --run-test/--skip-tests must name one of them. */
  readonly knownTests?: readonly string[];
  readonly runId?: string;
}

function checkTestNames(flag: string, names: readonly string[] | undefined, known: readonly string[] | undefined): void {
  if (!names || !known) return;
  for (const name of names) {
    if (known.includes(name)) continue;
    const hint = suggest(name, known);
    throw new ConfigError(
      `${flag}: unknown test "${name}"${hint ? ` (did you mean ${hint}?)` : ''}; see \`grpcroute-conformance list\``,
    );
  }
}

function supportedFeatures(merged: ConfigLayer): Pick<ResolvedConfig, 'supportedFeatures' | 'featureSource'> {
  const exempt = new Set<string>(merged.exemptFeatures ?? []);
  let base: readonly string[] | undefined;
  let featureSource: ResolvedConfig['featureSource'];
  if (merged.allFeatures) {
    if (merged.supportedFeatures) throw new ConfigError('--all-features and --supported-features exclude each other; pass one of them');
    base = ALL_FEATURE_NAMES;
    featureSource = 'all';
  } else if (merged.supportedFeatures) {
    base = merged.supportedFeatures;
    featureSource = 'manual';
  }
  if (!base) return {};
  // Upstream adds each selected profile's core features to a manual or "all" set.
  const profileCore = PROFILES.filter((p) => merged.conformanceProfiles?.includes(p.name)).flatMap((p) => p.core);
  const ordered = orderFeatures([...base, ...profileCore].filter((f) => !exempt.has(f)));
  return featureSource ? { supportedFeatures: ordered, featureSource } : { supportedFeatures: ordered };
}

function implementation(merged: ConfigLayer): ImplementationInfo | undefined {
  const { organization, project, url, version, contact } = merged;
  if ([organization, project, url, version, contact].every((v) => v === undefined)) return undefined;
  return { organization: organization ?? '', project: project ?? '', url: url ?? '', version: version ?? '', contact: contact ?? [] };
}

/**
 * Turns the merged layers into the one frozen config every part reads. All cross-field checks
 * live here, so a bad combination fails before anything touches a cluster.
 */
export function finalizeConfig(layer: ConfigLayer, options: FinalizeOptions): ResolvedConfig {
  const merged: ConfigLayer = { ...CONFIG_DEFAULTS, ...layer };
  if (merged.quiet && merged.verbose) throw new ConfigError('--quiet and --verbose exclude each other; pass one of them');
  checkTestNames('--run-test', merged.runTest, options.knownTests);
  checkTestNames('--skip-tests', merged.skipTests, options.knownTests);
  const impl = implementation(merged);
  const config: ResolvedConfig = {
    gatewayClass: merged.gatewayClass ?? CONFIG_DEFAULTS.gatewayClass,
    cluster: merged.cluster ?? CONFIG_DEFAULTS.cluster,
    ...(merged.kubeconfig ? { kubeconfig: resolve(options.cwd, merged.kubeconfig) } : {}),
    ...(merged.context ? { context: merged.context } : {}),
    ...(merged.runTest ? { runTest: merged.runTest } : {}),
    skipTests: merged.skipTests ?? [],
    ...supportedFeatures(merged),
    exemptFeatures: merged.exemptFeatures ?? [],
    allFeatures: merged.allFeatures ?? false,
    ...(merged.skipProvisional ? { skipProvisional: true } : {}),
    conformanceProfiles: merged.conformanceProfiles ?? [],
    timeouts: withTestDeadline({ ...DEFAULT_TIMEOUTS, ...merged.timeouts }, merged.timeouts?.test !== undefined),
    reportDir: resolve(options.cwd, merged.reportDir ?? CONFIG_DEFAULTS.reportDir),
    keep: merged.keep ?? false,
    failFast: merged.failFast ?? false,
    concurrency: merged.concurrency ?? defaultConcurrency(merged.cluster ?? CONFIG_DEFAULTS.cluster),
    mode: merged.mode ?? CONFIG_DEFAULTS.mode,
    gatewayAddresses: { ...merged.gatewayAddress },
    dialMap: { ...merged.dialMap },
    ...(merged.lowPortOffset !== undefined ? { lowPortOffset: merged.lowPortOffset } : {}),
    verbose: merged.verbose ?? false,
    quiet: merged.quiet ?? false,
    runId: options.runId ?? newRunId(),
    ...(impl ? { implementation: impl } : {}),
    ...(merged.echoImage ? { echoImage: merged.echoImage } : {}),
    ...staticAddresses(merged),
    ...(merged.optionsFile ? { optionsFile: resolve(options.cwd, merged.optionsFile) } : {}),
    ...resolveRealClusterSettings(merged, options.cwd),
  };
  return deepFreeze(config);
}

function staticAddresses(merged: ConfigLayer): { staticAddresses?: StaticAddresses } {
  if (merged.usableAddress === undefined && merged.unusableAddress === undefined) return {};
  return { staticAddresses: { ...(merged.usableAddress ? { usable: merged.usableAddress } : {}), ...(merged.unusableAddress ? { unusable: merged.unusableAddress } : {}) } };
}
