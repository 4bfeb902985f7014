import type { ControlPlaneGateway, GatewayApiChannel, GatewayApiCrds, KindLoadBalancer } from '../cluster/kind/real-cluster-settings.ts';
import type { ClusterKind, TimeoutConfig } from './types.ts';

/**
 * Raw settings as one layer (defaults, options file, environment, flags) provides them. Keys are
 * the camelCase of the flag names, which is also the options-file key.
 */
export interface ConfigInput {
  gatewayClass: string;
  cluster: ClusterKind;
  kubeconfig: string;
  context: string;
  runTest: string[];
  skipTests: string[];
  supportedFeatures: string[];
  exemptFeatures: string[];
  allFeatures: boolean;
  skipProvisional: boolean;
  conformanceProfiles: string[];
  timeouts: Partial<TimeoutConfig>;
  reportDir: string;
  keep: boolean;
  failFast: boolean;
  concurrency: number;
  mode: string;
  /** Gateway `ns/name` -> `host[:port]`. */
  gatewayAddress: Record<string, string>;
  /** `host[:port]` the gateway reports -> `host:port` to dial instead (a tunnel or port-forward). */
  dialMap: Record<string, string>;
  lowPortOffset: number;
  echoImage: string;
  usableAddress: string;
  unusableAddress: string;
  optionsFile: string;
  verbose: boolean;
  quiet: boolean;
  organization: string;
  project: string;
  url: string;
  version: string;
  contact: string[];
  kindClusterName: string;
  kindNodeImage: string;
  kindConfig: string;
  kindLoadBalancer: KindLoadBalancer;
  gatewayApiVersion: string;
  gatewayApiChannel: GatewayApiChannel;
  gatewayApiCrds: GatewayApiCrds;
  installCommand: string;
  installManifests: string[];
  controlPlaneGateway: ControlPlaneGateway;
}

export type ConfigLayer = Partial<ConfigInput>;
