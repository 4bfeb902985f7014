import { randomInt } from 'node:crypto';
import { startEmbeddedCluster } from '../../embedded-cluster/src/index.ts';
import { startReferenceGateway } from '../../reference-gateway/src/index.ts';
import { REFERENCE_CONTROLLER_NAME, REFERENCE_GATEWAY_CLASS } from '../../harness/cluster/embedded.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { runSuiteChild } from './suite-child.ts';
import type { SuiteChildRun } from './suite-child.ts';

const LOW_PORT_OFFSET = 10_000;

export interface ApiRequestCount {
  /** Requests the API server served while the suite ran (harness and reference gateway together). */
  readonly total: number;
  readonly byVerb: Readonly<Record<string, number>>;
  /** Tests that ran (passed or failed). */
  readonly tests: number;
  readonly run: SuiteChildRun;
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([verb, n]) => [verb, n - (before[verb] ?? 0)]).filter(([, n]) => (n as number) > 0));
}

/**
 * Runs the suite once against an embedded cluster this process owns, so its API server's own
 * request counter (stats()) can be read around the run. The suite sees it as an existing cluster.
 */
export async function countApiRequests(): Promise<ApiRequestCount> {
  const cluster = await startEmbeddedCluster();
  try {
    // A /24 of our own: a gateway on the default pool would bind the addresses other runs use.
    const addressPool = `127.${200 + randomInt(50)}.${randomInt(256)}.0/24`;
    const gateway = await startReferenceGateway({ kubeconfigPath: cluster.kubeconfigPath, lowPortOffset: LOW_PORT_OFFSET, addressPool, faults: [] });
    try {
      await KubeClient.load({ kubeconfigPath: cluster.kubeconfigPath, userAgent: 'bench-install' }).apply({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: { name: REFERENCE_GATEWAY_CLASS },
        spec: { controllerName: REFERENCE_CONTROLLER_NAME },
      });
      const before = cluster.stats();
      const run = await runSuiteChild({
        args: ['--quiet', '--cluster', 'existing', '--kubeconfig', cluster.kubeconfigPath, '--low-port-offset', String(LOW_PORT_OFFSET)],
      });
      const after = cluster.stats();
      const tests = run.results?.tests.filter((t) => t.outcome === 'passed' || t.outcome === 'failed').length ?? 0;
      return { total: after.total - before.total, byVerb: difference(after.byVerb, before.byVerb), tests, run };
    } finally {
      await gateway.stop();
    }
  } finally {
    await cluster.stop();
  }
}
