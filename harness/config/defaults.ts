import type { ConfigInput } from './config-input.ts';

export const REFERENCE_GATEWAY_CLASS = 'grpcroute-reference';
export const INFRA_NAMESPACE = 'grpc-conformance-infra';

/** The lowest layer. With nothing else set: embedded cluster, reference gateway, features inferred. */
export const CONFIG_DEFAULTS: Readonly<
  Pick<ConfigInput, 'gatewayClass' | 'cluster' | 'skipTests' | 'exemptFeatures' | 'allFeatures' | 'conformanceProfiles' | 'reportDir' | 'keep' | 'failFast' | 'mode' | 'verbose' | 'quiet'>
> = {
  gatewayClass: REFERENCE_GATEWAY_CLASS,
  cluster: 'embedded',
  skipTests: [],
  exemptFeatures: [],
  allFeatures: false,
  conformanceProfiles: [],
  reportDir: 'reports',
  keep: false,
  failFast: false,
  mode: 'default',
  verbose: false,
  quiet: false,
};
