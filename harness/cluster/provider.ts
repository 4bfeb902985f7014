import type { ClusterKind, ResolvedConfig, StaticAddresses } from '../config/types.ts';
import { HarnessError } from '../errors.ts';

/** What the harness needs to talk to a cluster a provider started or found. */
export interface ClusterConnection {
  readonly kubeconfigPath: string;
  readonly context?: string;
  /** Added to Gateway listener ports < 1024 when dialing (the embedded gateway binds them shifted). */
  readonly lowPortOffset: number;
  /** One line for the run log, e.g. 'embedded cluster at http://127.0.0.1:40123'. */
  readonly description: string;
  /** Spec addresses the provider's own gateway can and cannot use (GatewayStaticAddresses); flags override them. */
  readonly staticAddresses?: StaticAddresses;
}

/** Starts or connects to a cluster. A provider that did not create the cluster never deletes it. */
export interface ClusterProvider {
  readonly kind: ClusterKind;
  start(): Promise<ClusterConnection>;
  /** Releases what start() created; safe to call more than once, or without start(). */
  stop(): Promise<void>;
}

export type ClusterProviderFactory = (config: ResolvedConfig, log: (line: string) => void) => ClusterProvider;

const factories = new Map<ClusterKind, ClusterProviderFactory>();

export function registerClusterProvider(kind: ClusterKind, factory: ClusterProviderFactory): void {
  factories.set(kind, factory);
}

export function createClusterProvider(config: ResolvedConfig, log: (line: string) => void): ClusterProvider {
  const factory = factories.get(config.cluster);
  if (!factory) {
    throw new HarnessError(
      'GRPCCONF_UNKNOWN_CLUSTER_PROVIDER',
      `cluster provider "${config.cluster}" is not available (available: ${[...factories.keys()].join(', ')})`,
    );
  }
  return factory(config, log);
}
