import { createHash } from 'node:crypto';

export const LABEL_MANAGED_BY = 'grpcroute-conformance.dev/managed-by';
export const LABEL_RUN_ID = 'grpcroute-conformance.dev/run-id';
export const LABEL_TEST = 'grpcroute-conformance.dev/test';
export const LABEL_KEEP = 'grpcroute-conformance.dev/keep';
export const MANAGED_BY_VALUE = 'grpcroute-conformance';
/** The `test` label value of objects created once per run. */
export const BASE_TEST_LABEL = 'base';

/** The labels every object of a run carries. */
export function runLabels(runId: string, testName: string): Record<string, string> {
  return {
    [LABEL_MANAGED_BY]: MANAGED_BY_VALUE,
    [LABEL_RUN_ID]: toLabelValue(runId),
    [LABEL_TEST]: toLabelValue(testName),
  };
}

/** Selects one test's objects of one run. */
export function testSelector(runId: string, testName: string): string {
  return `${LABEL_MANAGED_BY}=${MANAGED_BY_VALUE},${LABEL_RUN_ID}=${toLabelValue(runId)},${LABEL_TEST}=${toLabelValue(testName)}`;
}

/** Selects everything any run of the suite created. */
export const MANAGED_SELECTOR = `${LABEL_MANAGED_BY}=${MANAGED_BY_VALUE}`;

/**
 * Label values are at most 63 characters of [A-Za-z0-9_.-], starting and ending alphanumeric.
 * Longer or odd names keep a readable prefix plus a hash, so two names never collide.
 */
export function toLabelValue(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (cleaned === raw && raw.length <= 63) return raw;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  const prefix = cleaned.slice(0, 63 - 9).replace(/[^A-Za-z0-9]+$/, '');
  return prefix === '' ? hash : `${prefix}-${hash}`;
}
