import type { RunFacts } from '../run/facts.ts';
import { failOnPodFailures } from './pod-failures.ts';
import { clientFor } from './run-client.ts';
import type { KubeObject } from './types.ts';

/**
 * Watches the Pods of the Deployments a test applied, so a backend that will never run fails the
 * test at once with its reason instead of as a traffic timeout. Rejects with PodFailureError;
 * stops (never settling) when `signal` aborts.
 */
export function failOnTestBackendPods(facts: RunFacts, testName: string, applied: readonly KubeObject[], signal: AbortSignal): Promise<never> {
  const deployments = applied.filter((o) => o.kind === 'Deployment');
  return failOnPodFailures(clientFor(facts, `${testName}/pods`), deployments, { signal });
}
