import type { FeatureName, SupportLevel } from '../features/features.ts';

/** The one result model every reporter renders from. Reporters never compute results. */
export type TestOutcome = 'passed' | 'failed' | 'skipped' | 'notSupported' | 'provisionalSkipped';

export interface CaseResult {
  readonly name: string;
  readonly outcome: 'passed' | 'failed';
  readonly durationMs: number;
  /** Attempts the convergence loop made, and when it first saw the wanted answer. */
  readonly attempts?: number;
  readonly convergedAfterMs?: number;
  /** JSON-safe descriptions of what was wanted and what was last seen. */
  readonly expected?: unknown;
  readonly observed?: unknown;
  readonly error?: string;
}

export interface Diagnostics {
  /** YAML (with status) of the routes, Gateways and GatewayClass involved, taken before cleanup. */
  readonly resourcesYaml?: string;
  readonly events?: string;
  /** How to look at kept resources by hand. */
  readonly inspectHint?: string;
}

export interface TestResult {
  readonly name: string;
  readonly description: string;
  readonly features: readonly FeatureName[];
  readonly level: SupportLevel;
  readonly provisional: boolean;
  readonly specRefs: readonly number[];
  readonly outcome: TestOutcome;
  /** Why it was skipped or not run. */
  readonly reason?: string;
  readonly missingFeatures?: readonly FeatureName[];
  readonly durationMs: number;
  readonly cases: readonly CaseResult[];
  readonly error?: string;
  readonly diagnostics?: Diagnostics;
}

export type FeatureSource = 'manual' | 'all' | 'profiles' | 'inferred';

export interface RunResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly gatewayClass: string;
  readonly cluster: string;
  readonly mode: string;
  readonly gatewayAPIVersion: string;
  readonly gatewayAPIChannel: string;
  /** Upstream's names and ours: upstream's profile lists are computed from them. */
  readonly supportedFeatures: readonly string[];
  readonly featureSource: FeatureSource;
  readonly implementation?: {
    readonly organization: string;
    readonly project: string;
    readonly url: string;
    readonly version: string;
    readonly contact: readonly string[];
  };
  readonly tests: readonly TestResult[];
}
