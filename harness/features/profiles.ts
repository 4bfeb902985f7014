import { Feature, FEATURES, type FeatureName } from './features.ts';

export interface ConformanceProfile {
  readonly name: string;
  readonly core: readonly FeatureName[];
  readonly extended: readonly FeatureName[];
}

/** Upstream's GATEWAY-GRPC as defined on main; our own tests that fit it count toward it too. */
export const GATEWAY_GRPC: ConformanceProfile = {
  name: 'GATEWAY-GRPC',
  core: [Feature.Gateway, Feature.ReferenceGrant, Feature.GRPCRoute],
  extended: [
    Feature.GatewayHTTPListenerIsolation,
    Feature.GatewayPort8080,
    Feature.BackendTLSPolicy,
    Feature.BackendTLSPolicySANValidation,
  ],
};

/**
 * Ours: the GRPCRoute-specific features upstream leaves out of every profile, so that a
 * vendor's extended GRPCRoute support shows up in a report at all.
 */
export const GRPCROUTE_EXTENDED: ConformanceProfile = {
  name: 'GRPCROUTE-EXTENDED',
  core: [Feature.Gateway, Feature.ReferenceGrant, Feature.GRPCRoute],
  extended: FEATURES.filter(
    (f) => f.level !== 'core' && !GATEWAY_GRPC.extended.includes(f.name),
  ).map((f) => f.name),
};

export const PROFILES: readonly ConformanceProfile[] = [GATEWAY_GRPC, GRPCROUTE_EXTENDED];
