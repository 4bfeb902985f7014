import { KubeClient } from './client.ts';
import { userAgentFor } from './user-agent.ts';

const loaded = new Map<string, KubeClient>();

/**
 * A client for the run's cluster with the test's User-Agent. Clients of one process share the
 * loaded kubeconfig and the discovery cache.
 */
export function clientFor(connection: { kubeconfigPath: string; context?: string }, testName: string): KubeClient {
  const key = `${connection.kubeconfigPath}\u0000${connection.context ?? ''}`;
  let base = loaded.get(key);
  if (!base) {
    base = KubeClient.load({ kubeconfigPath: connection.kubeconfigPath, context: connection.context, userAgent: userAgentFor('run') });
    loaded.set(key, base);
  }
  return base.withUserAgent(userAgentFor(testName));
}
