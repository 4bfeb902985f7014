import type { ResolvedConfig } from '../../harness/config/types.ts';
import { DEFAULT_TIMEOUTS } from '../../harness/config/timeouts.ts';

/** A resolved config for prepareRun against an already running cluster. */
export function existingClusterConfig(overrides: Partial<ResolvedConfig>): ResolvedConfig {
  return {
    gatewayClass: 'grpcroute-reference',
    cluster: 'existing',
    skipTests: [],
    exemptFeatures: [],
    allFeatures: false,
    conformanceProfiles: [],
    timeouts: DEFAULT_TIMEOUTS,
    reportDir: 'reports',
    keep: false,
    failFast: false,
    concurrency: 4,
    mode: 'default',
    gatewayAddresses: {},
    dialMap: {},
    verbose: false,
    quiet: false,
    runId: `r-test-${Math.random().toString(36).slice(2, 8)}`,
    ...overrides,
  };
}
