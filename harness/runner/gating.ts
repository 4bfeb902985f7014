import type { ResolvedConfig } from '../config/types.ts';
import type { FeatureName } from '../features/features.ts';
import type { ConformanceTest } from './conformance-test.ts';

export type GateDecision =
  | { readonly run: true }
  | {
      readonly run: false;
      readonly outcome: 'skipped' | 'notSupported' | 'provisionalSkipped';
      readonly reason: string;
      readonly missingFeatures?: readonly FeatureName[];
    };

export interface GateInput {
  readonly config: Pick<ResolvedConfig, 'runTest' | 'skipTests' | 'exemptFeatures' | 'skipProvisional'>;
  /** The run's resolved supported features (from the run facts). */
  readonly supportedFeatures: readonly string[];
  /** Set once a test failed under --fail-fast. */
  readonly failedFast?: string;
}

/** Decides, before any body runs, whether a test runs and, if not, which outcome and why. */
export function decideGate(test: Pick<ConformanceTest, 'name' | 'features' | 'provisional'>, input: GateInput): GateDecision {
  const { config } = input;
  const selected = config.runTest?.includes(test.name);
  if (config.runTest && !selected) return { run: false, outcome: 'skipped', reason: 'not selected by --run-test' };
  if (config.skipTests.includes(test.name)) return { run: false, outcome: 'skipped', reason: 'skipped by --skip-tests' };
  if (input.failedFast) {
    return { run: false, outcome: 'skipped', reason: `not run: --fail-fast after ${input.failedFast} failed` };
  }
  // Naming a test with --run-test means "run it anyway", as upstream does.
  if (selected) return { run: true };
  const supported = new Set(input.supportedFeatures.filter((f) => !config.exemptFeatures.includes(f)));
  const missing = test.features.filter((f) => !supported.has(f));
  if (missing.length > 0) {
    return { run: false, outcome: 'notSupported', reason: `missing features: ${missing.join(', ')}`, missingFeatures: missing };
  }
  if (test.provisional && config.skipProvisional) {
    return { run: false, outcome: 'provisionalSkipped', reason: 'provisional test skipped by --skip-provisional' };
  }
  return { run: true };
}
