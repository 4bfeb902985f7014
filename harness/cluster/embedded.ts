import { randomInt } from 'node:crypto';
import { startEmbeddedCluster } from '../../embedded-cluster/src/index.ts';
import { startReferenceGateway } from '../../reference-gateway/src/index.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { KubeClient } from '../kube/client.ts';
import { userAgentFor } from '../kube/user-agent.ts';
import { REAL_CLUSTER_DEFAULTS, realClusterSettingsOf } from './kind/real-cluster-settings.ts';
import type { ClusterConnection, ClusterProvider } from './provider.ts';
import { poolStaticAddresses } from './pool-static-addresses.ts';

/** The embedded environment's GatewayClass and the controller behind it (docs/architecture.md). */
export const REFERENCE_GATEWAY_CLASS = 'grpcroute-reference';
export const REFERENCE_CONTROLLER_NAME = 'grpcroute-conformance.dev/reference-gateway';
/** Privileged listener ports bind at port + this, so the suite runs as an ordinary user. */
export const EMBEDDED_LOW_PORT_OFFSET = 10_000;

export interface EmbeddedEnvironmentOptions {
  /** Where to write the kubeconfig; default a temp file. */
  readonly kubeconfigPath?: string;
  /** Start the reference gateway and install its GatewayClass (default true). */
  readonly referenceGateway?: boolean;
  /** Kinds the API server leaves out, as if their CRDs were missing (tests of the preflight). */
  readonly disabledKinds?: string[];
  /** The Gateway API release and channel the API server's CRDs are of (their annotations and validation rules); default REAL_CLUSTER_DEFAULTS'. */
  readonly gatewayApi?: { readonly version: string; readonly channel: 'standard' | 'experimental' };
  /** Listener ports below 1024 bind at port + this (default EMBEDDED_LOW_PORT_OFFSET). */
  readonly lowPortOffset?: number;
  /** CIDR the reference gateway takes Gateway addresses from (default a random /24 of 127.64.0.0/10). */
  readonly addressPool?: string;
  readonly log?: (line: string) => void;
}

export interface EmbeddedEnvironment {
  readonly url: string;
  readonly kubeconfigPath: string;
  /** The CIDR the reference gateway hands Gateway addresses out of; absent without the reference gateway. */
  readonly addressPool?: string;
  stop(): Promise<void>;
}

/**
 * Starts the loopback API server and, unless disabled, the reference gateway, then applies the
 * GatewayClass: the "vendor install" step a real implementation's installer would do.
 */
export async function startEmbeddedEnvironment(options: EmbeddedEnvironmentOptions = {}): Promise<EmbeddedEnvironment> {
  const gatewayApi = options.gatewayApi ?? { version: REAL_CLUSTER_DEFAULTS.gatewayApiVersion, channel: REAL_CLUSTER_DEFAULTS.gatewayApiChannel };
  const cluster = await startEmbeddedCluster({
    kubeconfigPath: options.kubeconfigPath,
    disabledKinds: options.disabledKinds,
    gatewayAPIVersion: gatewayApi.version,
    gatewayAPIChannel: gatewayApi.channel,
  });
  let gateway: { stop(): Promise<void> } | undefined;
  const addressPool = options.referenceGateway === false ? undefined : (options.addressPool ?? randomGatewayBlock());
  try {
    if (addressPool) {
      gateway = await startReferenceGateway({
        kubeconfigPath: cluster.kubeconfigPath,
        lowPortOffset: options.lowPortOffset ?? EMBEDDED_LOW_PORT_OFFSET,
        addressPool,
        log: options.log,
      });
      const client = KubeClient.load({ kubeconfigPath: cluster.kubeconfigPath, userAgent: userAgentFor('embedded-install') });
      await client.apply({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: { name: REFERENCE_GATEWAY_CLASS },
        spec: { controllerName: REFERENCE_CONTROLLER_NAME, description: 'The grpcroute-conformance reference gateway' },
      });
    }
  } catch (error) {
    await gateway?.stop();
    await cluster.stop();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: cluster.url,
    kubeconfigPath: cluster.kubeconfigPath,
    ...(addressPool ? { addressPool } : {}),
    stop: () =>
      (stopped ??= (async () => {
        await gateway?.stop();
        await cluster.stop();
      })()),
  };
}

/**
 * Runs side by side (the mutation runner, a developer's second terminal) each get their own
 * Gateway addresses; the listener ports are the same, so the addresses must differ.
 */
function randomGatewayBlock(): string {
  return `127.${64 + randomInt(64)}.${randomInt(256)}.0/24`;
}

/** The default provider: everything in this process on loopback, created and destroyed with the run. */
export function embeddedClusterProvider(config: ResolvedConfig, log: (line: string) => void): ClusterProvider {
  let environment: EmbeddedEnvironment | undefined;
  // --gateway-api-version/--gateway-api-channel pick the release the embedded CRDs emulate.
  const { gatewayApiVersion: version, gatewayApiChannel: channel } = realClusterSettingsOf(config);
  return {
    kind: 'embedded',
    async start(): Promise<ClusterConnection> {
      environment = await startEmbeddedEnvironment({ gatewayApi: { version, channel }, log: (line) => log(`reference-gateway: ${line}`) });
      return {
        kubeconfigPath: environment.kubeconfigPath,
        lowPortOffset: EMBEDDED_LOW_PORT_OFFSET,
        ...(environment.addressPool ? { staticAddresses: poolStaticAddresses(environment.addressPool) } : {}),
        description: `embedded cluster at ${environment.url} with the reference gateway`,
      };
    },
    async stop() {
      await environment?.stop();
      environment = undefined;
    },
  };
}
