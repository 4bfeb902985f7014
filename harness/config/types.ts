import type { FeatureSource } from '../runner/results.ts';

/** Every timeout the suite uses, in milliseconds (counts are plain numbers). */
export interface TimeoutConfig {
  /** GatewayClass must be Accepted. */
  readonly gatewayClassMustBeAccepted: number;
  /** Gateway must have an address and be Programmed. */
  readonly gatewayMustBeProgrammed: number;
  /** Route parents must show the wanted conditions. */
  readonly routeMustHaveParents: number;
  /** Namespaces' pods must be ready. */
  readonly namespacesMustBeReady: number;
  /** Longest a conformant gateway may take to program a change (traffic convergence deadline). */
  readonly maxTimeToConsistency: number;
  /** Consecutive good answers that prove convergence. */
  readonly requiredConsecutiveSuccesses: number;
  /** Pause after a failed attempt. */
  readonly pollInterval: number;
  /** Deadline of one RPC. */
  readonly requestTimeout: number;
  /** Creating/applying one object. */
  readonly create: number;
  /** Cleanup: objects must really be gone within this. */
  readonly delete: number;
  /** Whole-test deadline. */
  readonly test: number;
  /** How long a run waits for another live run on the same cluster to end (the run lock). */
  readonly clusterInUse: number;
}

export type ClusterKind = 'embedded' | 'existing' | 'kind' | 'control-plane';

/** Who the report is about (`--organization --project --url --version --contact`); empty strings when not given. */
export interface ImplementationInfo {
  readonly organization: string;
  readonly project: string;
  readonly url: string;
  readonly version: string;
  readonly contact: readonly string[];
}

export interface ResolvedConfig {
  readonly gatewayClass: string;
  readonly cluster: ClusterKind;
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly runTest?: readonly string[];
  readonly skipTests: readonly string[];
  /** Upstream's names and ours (harness/features/features.ts ALL_FEATURE_NAMES). */
  readonly supportedFeatures?: readonly string[];
  readonly exemptFeatures: readonly string[];
  readonly allFeatures: boolean;
  readonly conformanceProfiles: readonly string[];
  readonly featureSource?: FeatureSource;
  readonly timeouts: TimeoutConfig;
  readonly reportDir: string;
  readonly keep: boolean;
  readonly failFast: boolean;
  /** Tests that run at once; 1 is one by one, in registration order. */
  readonly concurrency: number;
  readonly mode: string;
  /** Gateway ns/name -> host[:port] overrides. */
  readonly gatewayAddresses: Readonly<Record<string, string>>;
  /** `host` or `host:port` -> `host:port`: where to really connect, applied after every other mapping. */
  readonly dialMap: Readonly<Record<string, string>>;
  readonly verbose: boolean;
  readonly quiet: boolean;
  readonly runId: string;
  /** Present when any of --organization/--project/--url/--version/--contact was given. */
  readonly implementation?: ImplementationInfo;
  /** Replaces the echo image named in fixtures (--echo-image). */
  readonly echoImage?: string;
  /** --usable-address / --unusable-address, for GatewayStaticAddresses; the cluster provider may know defaults. */
  readonly staticAddresses?: StaticAddresses;
  /** The options file the config was read from, if any. */
  readonly optionsFile?: string;
  /** Provisional tests are recorded as provisionalSkipped instead of run (--skip-provisional). */
  readonly skipProvisional?: boolean;
  /** Overrides the dial offset for listener ports below 1024 that the cluster provider reports (--low-port-offset). */
  readonly lowPortOffset?: number;
}

/** Spec address values GatewayStaticAddresses requests: one the implementation can use, one it must refuse. */
export interface StaticAddresses {
  readonly usable?: string;
  readonly unusable?: string;
}
