import type { RunResult } from '../../harness/runner/results.ts';

/** The fields a ConformanceReport is rendered from; the rest of RunResult does not matter here. */
export const SAMPLE_RUN = {
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  gatewayClass: 'grpcroute-reference',
  cluster: 'embedded',
  mode: 'default',
  gatewayAPIVersion: 'v1.6.1',
  gatewayAPIChannel: 'standard',
  supportedFeatures: ['Gateway', 'GRPCRoute'],
  featureSource: 'inferred',
  tests: [],
} as RunResult;
