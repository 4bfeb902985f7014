/**
 * Conformance feature names this implementation supports, as written to
 * GatewayClass status.supportedFeatures. The strings are the suite's feature names (kept in sync by
 * hand: the product must not import the harness).
 */
const ALWAYS = [
  'Gateway',
  'GRPCRoute',
  'ReferenceGrant',
  'GRPCRouteNamedRouteRule',
  'GRPCRouteRequestHeaderModifier',
  'BackendTLSPolicy',
  'BackendTLSPolicySANValidation',
  'GatewayHTTPListenerIsolation',
  'GatewayPort8080',
  'GatewayInfrastructure',
  // v1.6's name for the labels and annotations part (our suite knows both; v1.7 runs ignore it).
  'GatewayInfrastructurePropagation',
  'GatewayRouteHostnameIntersectionPrecedence',
  'GatewayStaticAddresses',
  'GatewayAddressEmpty',
  'ListenerSet',
  'GRPCRouteResponseHeaderModifier',
  'GRPCRouteRequestMirror',
  'GRPCRouteParentRefPort',
  'GRPCRouteBackendFilters',
  'GRPCRouteMethodOnlyMatch',
  'GRPCRouteMethodRegexMatch',
  'GRPCRouteHeaderRegexMatch',
  'GRPCRouteExtensionRef',
  'GRPCRouteDeadlinePropagation',
  'GRPCRouteBackendTLSPolicy',
] as const;

/** Sorted ascending, as GEP-2162 asks. */
export function supportedFeatures(crossServing: 'allow' | 'exclusive'): string[] {
  const names: string[] = [...ALWAYS];
  if (crossServing === 'exclusive') names.push('GRPCRouteCrossServingExclusive');
  return names.sort();
}
