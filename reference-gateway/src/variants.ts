import { GatewayConfigError } from './errors.ts';

/**
 * A neutral variant: behaviour the specification allows besides the reference gateway's default. The
 * suite must pass with every variant switched on (`npm run verify`, stage "neutral variants"); a test
 * that fails on one is stricter than the spec. `allowedBy` quotes or cites the text that permits it.
 */
export interface VariantInfo {
  readonly name: string;
  readonly description: string;
  readonly allowedBy: string;
  readonly layer: 'controller' | 'data-plane';
}

export const VARIANTS = [
  {
    name: 'comma-joined-header-values',
    layer: 'data-plane',
    description: 'Header modifier "add" writes the existing values and the new one as one comma-joined field (old,new), in requests and responses.',
    allowedBy: 'HTTPHeaderFilter.Add example: input "my-header: foo", add "my-header: bar,baz", output "my-header: foo,bar,baz"; RFC 9110 §5.3 (a repeated field and its comma-joined form are equivalent).',
  },
  {
    name: 'own-condition-type',
    layer: 'controller',
    description: 'Our route parent entries carry one more condition, grpcroute-conformance.dev/DataPlaneSynced=True.',
    allowedBy: 'metav1.Condition type: "in foo.example.com/CamelCase"; RouteParentStatus.conditions is a list of up to 8 conditions, not a closed set (Gateway API shared_types.go).',
  },
  {
    name: 'reversed-conditions',
    layer: 'controller',
    description: 'Route parent conditions are written in reverse order (the last type first).',
    allowedBy: 'RouteParentStatus.conditions is +listType=map +listMapKey=type: a map keyed by type, whose order carries no meaning.',
  },
  {
    name: 'own-entry-last',
    layer: 'controller',
    description: 'Our status.parents entries are moved after every entry of other controllers.',
    allowedBy: '§12 #98/#99: only entries with one\'s own controllerName are updated, others are not touched; nothing fixes where one\'s own entries sit.',
  },
  {
    name: 'slow-programming',
    layer: 'controller',
    description: 'Each data-plane config push is delayed 2 s while status already says Accepted (npm run bench measures verdict overhead with it).',
    allowedBy: 'Conformance waits MaxTimeToConsistency for traffic to follow status (upstream-conformance.md §5.2): programming lags status inside that window.',
  },
  {
    name: 'serve-mixed-protocol-port',
    layer: 'controller',
    description: 'A Service port number carrying both TCP and UDP resolves as a valid gRPC backend (its TCP port is used).',
    allowedBy: 'GEP-1911: "Implementations MAY support ... multiplexing TCP and UDP on the same port. Otherwise implementations MUST set ... UnsupportedProtocol" (§12 #85).',
  },
  {
    name: 'programmed-reason-invalid',
    layer: 'controller',
    description: 'A listener left unserved by unusable certificateRefs is Programmed=False with reason Invalid instead of InvalidTLSConfig.',
    allowedBy: 'Gateway API ListenerConditionProgrammed: "Possible reasons for this condition to be False are: Invalid, Pending"; only ResolvedRefs=False InvalidCertificateRef is required for an invalid certificateRef.',
  },
  {
    name: 'no-resolved-refs-when-not-admitted',
    layer: 'controller',
    description: 'A route parent entry refused with NotAllowedByListeners carries no ResolvedRefs condition.',
    allowedBy: 'No statement requires ResolvedRefs for a route that no listener admits; RouteParentStatus.conditions needs only Accepted (§12 #93).',
  },
  {
    name: 'ref-not-permitted-wording',
    layer: 'controller',
    description: 'RefNotPermitted messages are worded like Istio\'s: "backendRef ns/name not accessible to a GRPCRoute in namespace "x" (missing a ReferenceGrant?)".',
    allowedBy: '§12 #75/#91: the message names the reference and does not reveal whether the target exists; its wording is free.',
  },
  {
    name: 'unavailable-as-http-503',
    layer: 'data-plane',
    description: 'Gateway-made UNAVAILABLE answers are a bare HTTP 503 without grpc-status.',
    allowedBy: 'gRPC "HTTP to gRPC status code mapping": 503 is UNAVAILABLE; §12 #68/#69 fix the code the client sees, not the framing.',
  },
  {
    name: 'unimplemented-as-http-404',
    layer: 'data-plane',
    description: 'Gateway-made UNIMPLEMENTED answers are a bare HTTP 404 without grpc-status.',
    allowedBy: '§12 #121: "Answer 404 (⇒ UNIMPLEMENTED) when no listener matches"; gRPC maps HTTP 404 to UNIMPLEMENTED.',
  },
  {
    name: 'no-endpoints-http-500',
    layer: 'data-plane',
    description: 'A valid backend without ready endpoints answers HTTP 500 (clients see UNKNOWN).',
    allowedBy: 'GRPCRoute says nothing about backends without endpoints (digest §4.3: HTTPRoute only SHOULD answer 503); Envoy Gateway answers 500.',
  },
  {
    name: 'all-zero-weights-http-500',
    layer: 'data-plane',
    description: 'A rule whose backends all have weight 0 answers HTTP 500 (clients see UNKNOWN).',
    allowedBy: 'Digest §4.2: all weights 0 is unspecified; Envoy Gateway answers HTTP 500.',
  },
  {
    name: 'no-backend-refs-unavailable',
    layer: 'data-plane',
    description: 'A rule without backendRefs answers UNAVAILABLE instead of UNIMPLEMENTED.',
    allowedBy: 'GEP-1016 says UNAVAILABLE, the GRPCRoute page UNIMPLEMENTED (§12 #71, digest §11 #2): both are read.',
  },
  {
    name: 'extension-ref-internal',
    layer: 'data-plane',
    description: 'A request through an unresolved ExtensionRef filter gets INTERNAL instead of UNAVAILABLE.',
    allowedBy: '§12 #66: requests "receive an error response"; the code is unspecified (digest §11 #16).',
  },
  {
    name: 'extra-response-headers',
    layer: 'data-plane',
    description: 'Every forwarded response (not trailers-only) carries two more headers: server: grpcroute-reference and x-reference-gateway: forwarded.',
    allowedBy: 'No statement forbids a gateway adding response headers; ResponseHeaderModifier only governs the names it configures (§12 #54).',
  },
  {
    name: 'regenerate-request-id',
    layer: 'data-plane',
    description: 'x-request-id is replaced by a fresh UUID on every forwarded request, as Envoy does for external requests.',
    allowedBy: 'No statement requires x-request-id to reach the backend; Envoy regenerates it unless preserve_external_request_id is set.',
  },
  {
    name: 'usable-addresses-served-beside-unusable',
    layer: 'controller',
    description: 'A Gateway asking for an unusable address and a usable one is served on the usable one and lists it, while Programmed=False AddressNotUsable names the other.',
    allowedBy: 'GatewayStatus.addresses "may differ from the addresses provided in the spec ... a specified address was unusable"; AddressNotUsable only requires the Programmed condition to say so.',
  },
  {
    name: 'listener-set-partly-valid-accepted',
    layer: 'controller',
    description: 'A ListenerSet with valid and invalid listeners is Accepted=True with reason Accepted instead of ListenersNotValid.',
    allowedBy: 'ListenerSetConditionAccepted: "Possible reasons for this condition to be True are: Accepted"; ListenersNotValid only "can be the reason when Accepted is True" (listenerset_types.go).',
  },
  {
    name: 'attached-listener-sets-zero-written',
    layer: 'controller',
    description: 'Gateway status.attachedListenerSets is written as 0 when no ListenerSet is attached, instead of being left out.',
    allowedBy: 'GatewayStatus.attachedListenerSets is an optional count of the ListenerSets "successfully attached" (gateway_types.go); absent and 0 say the same.',
  },
  {
    name: 'listener-set-winners-without-conflicted',
    layer: 'controller',
    description: 'ListenerSet listeners without a conflict carry no Conflicted condition at all, instead of Conflicted=False NoConflicts.',
    allowedBy: 'GEP-1713: "the first Listener in the precedence list MUST be accepted and should not have a Conflicted condition".',
  },
] as const satisfies readonly VariantInfo[];

export type VariantName = (typeof VARIANTS)[number]['name'];

/** Validates variant names (an unknown name is a startup error, never silently ignored). */
export function resolveVariants(names: readonly string[]): ReadonlySet<string> {
  const known = new Set<string>(VARIANTS.map((v) => v.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new GatewayConfigError(`unknown variant(s): ${unknown.join(', ')}`, { unknown, known: [...known] });
  }
  return new Set(names);
}

export function isVariant(name: string): boolean {
  return VARIANTS.some((v) => v.name === name);
}
