import type { TimeoutConfig } from '../../../harness/config/types.ts';
import type { GatewayAddress } from '../../../harness/kube/types.ts';
import { startEchoServer } from '../../../echo-server/src/index.ts';
import type { EchoServerOptions, RunningEchoServer } from '../../../echo-server/src/index.ts';

export const POD = 'grpc-infra-backend-v1-7d9c-abcde';
export const NAMESPACE = 'grpc-conformance-infra';

/** A real echo server on loopback, addressed like a Gateway listener (status address = dial address). */
export async function startBackend(overrides: Partial<EchoServerOptions> = {}): Promise<{ server: RunningEchoServer; gw: GatewayAddress; tlsGw?: GatewayAddress }> {
  const server = await startEchoServer({ host: '127.0.0.1', httpPort: 0, env: { POD_NAME: POD, NAMESPACE }, log: () => undefined, ...overrides });
  const gw = { host: '127.0.0.1', port: server.httpPort, dialHost: '127.0.0.1', dialPort: server.httpPort };
  const tlsGw = server.httpsPort ? { host: '127.0.0.1', port: server.httpsPort, dialHost: '127.0.0.1', dialPort: server.httpsPort } : undefined;
  return { server, gw, ...(tlsGw ? { tlsGw } : {}) };
}

/** Short timeouts so failing convergence tests finish in well under a second. */
export const TEST_TIMEOUTS: TimeoutConfig = {
  gatewayClassMustBeAccepted: 1000,
  gatewayMustBeProgrammed: 1000,
  routeMustHaveParents: 1000,
  namespacesMustBeReady: 1000,
  maxTimeToConsistency: 600,
  requiredConsecutiveSuccesses: 3,
  pollInterval: 20,
  requestTimeout: 2000,
  create: 1000,
  delete: 1000,
  test: 10_000,
  clusterInUse: 1000,
};
