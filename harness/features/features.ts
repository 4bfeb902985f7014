import { UPSTREAM_RELEASES } from './upstream-releases.ts';

/**
 * Feature names. Upstream names keep upstream's exact strings so reports line up with
 * official ones; names we had to invent are marked `origin: 'grpcroute-conformance'`.
 */
export const Feature = {
  // Upstream, GATEWAY-GRPC core.
  Gateway: 'Gateway',
  GRPCRoute: 'GRPCRoute',
  ReferenceGrant: 'ReferenceGrant',
  // Upstream, extended.
  GRPCRouteNamedRouteRule: 'GRPCRouteNamedRouteRule',
  GRPCRouteRequestHeaderModifier: 'GRPCRouteRequestHeaderModifier',
  BackendTLSPolicy: 'BackendTLSPolicy',
  BackendTLSPolicySANValidation: 'BackendTLSPolicySANValidation',
  GatewayHTTPListenerIsolation: 'GatewayHTTPListenerIsolation',
  GatewayPort8080: 'GatewayPort8080',
  GatewayRouteHostnameIntersectionPrecedence: 'GatewayRouteHostnameIntersectionPrecedence',
  GatewayInfrastructure: 'GatewayInfrastructure',
  GatewayStaticAddresses: 'GatewayStaticAddresses',
  GatewayAddressEmpty: 'GatewayAddressEmpty',
  GatewayInfrastructurePropagation: 'GatewayInfrastructurePropagation',
  ListenerSet: 'ListenerSet',
  // Ours: GRPCRoute behaviour upstream has no feature name for.
  GRPCRouteResponseHeaderModifier: 'GRPCRouteResponseHeaderModifier',
  GRPCRouteRequestMirror: 'GRPCRouteRequestMirror',
  GRPCRouteParentRefPort: 'GRPCRouteParentRefPort',
  GRPCRouteBackendFilters: 'GRPCRouteBackendFilters',
  GRPCRouteMethodOnlyMatch: 'GRPCRouteMethodOnlyMatch',
  GRPCRouteMethodRegexMatch: 'GRPCRouteMethodRegexMatch',
  GRPCRouteHeaderRegexMatch: 'GRPCRouteHeaderRegexMatch',
  GRPCRouteExtensionRef: 'GRPCRouteExtensionRef',
  GRPCRouteCrossServingExclusive: 'GRPCRouteCrossServingExclusive',
  GRPCRouteDeadlinePropagation: 'GRPCRouteDeadlinePropagation',
  GRPCRouteBackendTLSPolicy: 'GRPCRouteBackendTLSPolicy',
} as const;

export type FeatureName = (typeof Feature)[keyof typeof Feature];

export type SupportLevel = 'core' | 'extended' | 'implementation-specific';

export interface FeatureInfo {
  readonly name: FeatureName;
  readonly level: SupportLevel;
  readonly origin: 'upstream' | 'grpcroute-conformance';
  readonly description: string;
  /** First upstream release with this name, for a name none of our tests uses before it: reports of earlier releases leave it out. */
  readonly since?: string;
  /** First upstream release without this name (exclusive): reports of it and later releases leave it out. */
  readonly until?: string;
}

const info = (
  name: FeatureName,
  level: SupportLevel,
  origin: FeatureInfo['origin'],
  description: string,
  since?: string,
  until?: string,
): FeatureInfo => ({ name, level, origin, description, ...(since ? { since } : {}), ...(until ? { until } : {}) });

/** Every feature our tests use, with its level; upstream's other names are in ALL_FEATURE_NAMES. */
export const FEATURES: readonly FeatureInfo[] = [
  info(Feature.Gateway, 'core', 'upstream', 'Gateway resources'),
  info(Feature.GRPCRoute, 'core', 'upstream', 'GRPCRoute resources, core matching and routing'),
  info(Feature.ReferenceGrant, 'core', 'upstream', 'Cross-namespace references governed by ReferenceGrant'),
  info(Feature.GRPCRouteNamedRouteRule, 'extended', 'upstream', 'Rule names on GRPCRoute rules'),
  info(Feature.GRPCRouteRequestHeaderModifier, 'extended', 'upstream', 'RequestHeaderModifier filter on GRPCRoute rules'),
  info(Feature.BackendTLSPolicy, 'extended', 'upstream', 'TLS from the gateway to GRPCRoute backends'),
  info(Feature.BackendTLSPolicySANValidation, 'extended', 'upstream', 'BackendTLSPolicy subjectAltNames validation'),
  info(Feature.GatewayHTTPListenerIsolation, 'extended', 'upstream', 'A request is served only by its best-matching listener'),
  info(Feature.GatewayPort8080, 'extended', 'upstream', 'Listeners on port 8080'),
  info(Feature.GatewayInfrastructure, 'extended', 'upstream', 'Gateway spec.infrastructure (labels, annotations, parametersRef)', 'v1.7.0'),
  info(Feature.GatewayStaticAddresses, 'extended', 'upstream', 'Gateway spec.addresses with values: used when usable, refused by status when not'),
  info(Feature.GatewayAddressEmpty, 'extended', 'upstream', 'Gateway spec.addresses entries without a value: an address of the type is assigned'),
  info(
    Feature.GatewayInfrastructurePropagation,
    'extended',
    'upstream',
    'Gateway spec.infrastructure labels and annotations on generated resources; v1.7.0 folded it into GatewayInfrastructure',
    undefined,
    'v1.7.0',
  ),
  info(
    Feature.GatewayRouteHostnameIntersectionPrecedence,
    'extended',
    'upstream',
    'Routes with the same listener/route hostname intersection are ranked by their original hostnames',
    'v1.7.0',
  ),
  info(Feature.ListenerSet, 'extended', 'upstream', 'ListenerSets attached to a Gateway: allowedListeners, listener precedence and conflicts, ReferenceGrants from ListenerSets'),
  info(Feature.GRPCRouteResponseHeaderModifier, 'extended', 'grpcroute-conformance', 'ResponseHeaderModifier filter on GRPCRoute rules'),
  info(Feature.GRPCRouteRequestMirror, 'extended', 'grpcroute-conformance', 'RequestMirror filter on GRPCRoute rules'),
  info(Feature.GRPCRouteParentRefPort, 'extended', 'grpcroute-conformance', 'parentRefs[].port selects listeners by port'),
  info(Feature.GRPCRouteBackendFilters, 'implementation-specific', 'grpcroute-conformance', 'Filters on backendRefs'),
  info(Feature.GRPCRouteMethodOnlyMatch, 'implementation-specific', 'grpcroute-conformance', 'Exact method match without a service'),
  info(Feature.GRPCRouteMethodRegexMatch, 'implementation-specific', 'grpcroute-conformance', 'RegularExpression method matches'),
  info(Feature.GRPCRouteHeaderRegexMatch, 'implementation-specific', 'grpcroute-conformance', 'RegularExpression header matches'),
  info(Feature.GRPCRouteExtensionRef, 'implementation-specific', 'grpcroute-conformance', 'ExtensionRef filters; an unresolvable one must fail requests'),
  info(
    Feature.GRPCRouteCrossServingExclusive,
    'implementation-specific',
    'grpcroute-conformance',
    'HTTPRoute and GRPCRoute with intersecting hostnames on one listener: only the older is accepted',
  ),
  info(
    Feature.GRPCRouteBackendTLSPolicy,
    'extended',
    'grpcroute-conformance',
    "BackendTLSPolicy applies to GRPCRoute backends; needed only before v1.7.0, whose BackendTLSPolicy feature promises it together with GRPCRoute",
  ),
  info(
    Feature.GRPCRouteDeadlinePropagation,
    'implementation-specific',
    'grpcroute-conformance',
    "A client's deadline ends the backend's call too (grpc-timeout forwarded, or the cancellation passed on); no Gateway API MUST asks for it",
  ),
];

const byName = new Map(FEATURES.map((f) => [f.name as string, f]));

export function featureInfo(name: string): FeatureInfo | undefined {
  return byName.get(name);
}

export function isFeatureName(name: string): name is FeatureName {
  return byName.has(name);
}

/**
 * Every name accepted on the command line, in options files and from GatewayClass status: ours,
 * then every upstream name of each release line we hold facts for (upstream accepts all of its
 * own, and a vendor copies its flags from its upstream run).
 */
export const ALL_FEATURE_NAMES: readonly string[] = [
  ...new Set([...FEATURES.map((f) => f.name as string), ...UPSTREAM_RELEASES.flatMap((r) => r.features).sort()]),
];

const known = new Set(ALL_FEATURE_NAMES);

export function isKnownFeatureName(name: string): boolean {
  return known.has(name);
}

/** Ours in table order, then upstream's in code-point order; names nobody defines are dropped. */
export function orderFeatures(names: Iterable<string>): string[] {
  const wanted = new Set(names);
  return ALL_FEATURE_NAMES.filter((n) => wanted.has(n));
}
