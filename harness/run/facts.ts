import type { StaticAddresses } from '../config/types.ts';
import type { RunCertificates } from '../kube/types.ts';
import type { FeatureSource } from '../runner/results.ts';

/** Serializable facts the main process hands to vitest workers via provide/inject. */
export interface RunFacts {
  readonly runId: string;
  readonly kubeconfigPath: string;
  readonly context?: string;
  readonly gatewayClass: string;
  readonly controllerName: string;
  /** From the CRDs' bundle-version annotation; 'UNDEFINED' when unknown. */
  readonly gatewayAPIVersion: string;
  /** From the CRDs' channel annotation; 'UNDEFINED' when unknown. */
  readonly gatewayAPIChannel: string;
  readonly supportedFeatures: readonly string[];
  readonly featureSource: FeatureSource;
  readonly namespaces: { readonly infra: string; readonly app: string; readonly web: string };
  readonly certificates: RunCertificates;
  readonly dial: { readonly lowPortOffset: number; readonly gatewayAddresses: Readonly<Record<string, string>>; readonly dialMap?: Readonly<Record<string, string>> };
  /** For GatewayStaticAddresses: the flags, else what the cluster provider knows about its own gateway. */
  readonly staticAddresses: StaticAddresses;
  /** Replaces the fixtures' echo image when set (--echo-image). */
  readonly echoImage?: string;
}

/** The fixed shared namespace names (docs/architecture.md). */
export const RUN_NAMESPACES = {
  infra: 'grpc-conformance-infra',
  app: 'grpc-conformance-app-backend',
  web: 'grpc-conformance-web-backend',
} as const;
