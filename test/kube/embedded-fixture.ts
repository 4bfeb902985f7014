import { startEmbeddedEnvironment, type EmbeddedEnvironment, type EmbeddedEnvironmentOptions } from '../../harness/cluster/embedded.ts';
import { KubeClient } from '../../harness/kube/client.ts';

/** A real embedded API server (plus reference gateway unless disabled) and a client for it, for one test file. */
export interface EmbeddedForTest {
  readonly environment: EmbeddedEnvironment;
  readonly client: KubeClient;
}

export async function startEmbeddedForTest(options: EmbeddedEnvironmentOptions = {}): Promise<EmbeddedForTest> {
  // Test files run in parallel (and beside other suites' tests): give each its own Gateway address block.
  const addressPool = `127.2.${1 + Math.floor(Math.random() * 254)}.0/24`;
  const environment = await startEmbeddedEnvironment({ addressPool, ...options });
  const client = KubeClient.load({ kubeconfigPath: environment.kubeconfigPath, userAgent: 'grpcroute-conformance::test::kube' });
  return { environment, client };
}
