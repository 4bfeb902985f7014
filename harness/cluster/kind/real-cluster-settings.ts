import { resolve } from 'node:path';
import type { ResolvedConfig } from '../../config/types.ts';
import { ConfigError } from '../../errors.ts';

export type KindLoadBalancer = 'metallb' | 'cloud-provider-kind';
export type GatewayApiChannel = 'standard' | 'experimental';
/** install: the suite installs missing CRDs; vendor: only the implementation's install step does. */
export type GatewayApiCrds = 'install' | 'vendor';
/** The implementation the control-plane provider installs: our reference gateway, or a peer we did not write. */
export type ControlPlaneGateway = 'reference' | 'traefik';

/** How a real cluster is created and prepared (`--kind-*`, `--gateway-api-*`, `--install-*`); defaults applied. */
export interface RealClusterSettings {
  readonly kindClusterName: string;
  /** Omitted: kind's own default node image for the installed kind version. */
  readonly kindNodeImage?: string;
  /** Absolute path of the user's kind config; omitted: ours (kind-config.ts). */
  readonly kindConfig?: string;
  /** Omitted: metallb, or cloud-provider-kind where the host cannot reach node addresses (host-reachability.ts). */
  readonly kindLoadBalancer?: KindLoadBalancer;
  readonly gatewayApiVersion: string;
  readonly gatewayApiChannel: GatewayApiChannel;
  readonly gatewayApiCrds: GatewayApiCrds;
  /** Install missing CRDs: on kind unless --gateway-api-crds vendor; on an existing cluster only when a --gateway-api-* flag asks for it. */
  readonly installGatewayApi: boolean;
  /** Run through `sh -c` with KUBECONFIG set to the new cluster. */
  readonly installCommand?: string;
  /** Absolute paths, applied in order with `kubectl apply --server-side -f`. */
  readonly installManifests: readonly string[];
  readonly controlPlaneGateway: ControlPlaneGateway;
}

/** The raw values as the option table parses them (a subset of ConfigInput). */
export interface RealClusterInput {
  cluster?: string;
  kindClusterName?: string;
  kindNodeImage?: string;
  kindConfig?: string;
  kindLoadBalancer?: KindLoadBalancer;
  gatewayApiVersion?: string;
  gatewayApiChannel?: GatewayApiChannel;
  gatewayApiCrds?: GatewayApiCrds;
  installCommand?: string;
  installManifests?: string[];
  controlPlaneGateway?: ControlPlaneGateway;
}

export const REAL_CLUSTER_DEFAULTS = {
  kindClusterName: 'grpcroute-conformance',
  kindLoadBalancer: 'metallb',
  gatewayApiVersion: 'v1.7.0',
  gatewayApiChannel: 'standard',
  gatewayApiCrds: 'install',
  controlPlaneGateway: 'reference',
} as const satisfies Partial<RealClusterSettings>;

/**
 * The settings resolved from the merged config layers, as a `realCluster` field that finalizeConfig
 * spreads into the config. ResolvedConfig (a shared contract) does not declare it yet; read it with
 * realClusterSettingsOf(). Refuses a kind run with nothing to install, before anything is created.
 */
export function resolveRealClusterSettings(merged: RealClusterInput, cwd: string): { realCluster: RealClusterSettings } {
  if (merged.cluster === 'kind' && !merged.installCommand && (merged.installManifests ?? []).length === 0) {
    throw new ConfigError('--cluster=kind creates an empty cluster: pass --install-command or --install-manifests to install the implementation under test');
  }
  const gatewayApiCrds = merged.gatewayApiCrds ?? REAL_CLUSTER_DEFAULTS.gatewayApiCrds;
  return {
    realCluster: {
      kindClusterName: merged.kindClusterName ?? REAL_CLUSTER_DEFAULTS.kindClusterName,
      ...(merged.kindNodeImage ? { kindNodeImage: merged.kindNodeImage } : {}),
      ...(merged.kindConfig ? { kindConfig: resolve(cwd, merged.kindConfig) } : {}),
      ...(merged.kindLoadBalancer ? { kindLoadBalancer: merged.kindLoadBalancer } : {}),
      gatewayApiVersion: merged.gatewayApiVersion ?? REAL_CLUSTER_DEFAULTS.gatewayApiVersion,
      gatewayApiChannel: merged.gatewayApiChannel ?? REAL_CLUSTER_DEFAULTS.gatewayApiChannel,
      gatewayApiCrds,
      installGatewayApi: gatewayApiCrds === 'install' && (merged.cluster === 'kind' || merged.gatewayApiVersion !== undefined || merged.gatewayApiChannel !== undefined),
      ...(merged.installCommand ? { installCommand: merged.installCommand } : {}),
      installManifests: (merged.installManifests ?? []).map((p) => resolve(cwd, p)),
      controlPlaneGateway: merged.controlPlaneGateway ?? REAL_CLUSTER_DEFAULTS.controlPlaneGateway,
    },
  };
}

/**
 * A Gateway API release tag as upstream publishes install assets for (v1.7.0, v1.7.0-rc.1):
 * a typo fails while parsing flags, not as a 404 after the cluster is up. Monthly tags carry no
 * standard-install.yaml (gateway-api site/content/en/concepts/versioning.md).
 */
export function parseGatewayApiVersion(raw: string): string {
  const v = raw.trim();
  if (!/^v\d+\.\d+\.\d+(-(rc|alpha|beta)\.?\d+)?$/.test(v)) {
    throw new ConfigError(`expected a release such as ${REAL_CLUSTER_DEFAULTS.gatewayApiVersion}, got "${v}"`);
  }
  return v;
}

/** The real-cluster settings carried by a resolved config; defaults when it carries none (configs built by hand). */
export function realClusterSettingsOf(config: ResolvedConfig): RealClusterSettings {
  const carried = (config as ResolvedConfig & { readonly realCluster?: RealClusterSettings }).realCluster;
  return carried ?? resolveRealClusterSettings({}, process.cwd()).realCluster;
}
