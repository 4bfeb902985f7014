/** How binding a statement is, as the specification words it. */
export type SpecKeyword = 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'MAY' | 'NOTE';

/** One numbered normative statement about GRPCRoute, summarised in a few words of our own. */
export interface SpecStatement {
  readonly number: number;
  readonly keyword: SpecKeyword;
  readonly area: string;
  readonly title: string;
}

type Entry = readonly [SpecKeyword, string];

// Numbered in order across the areas; the numbers are the ones tests list in `specRefs`.
const AREAS: readonly (readonly [string, readonly Entry[]])[] = [
  ['Transport', [
    ['MUST', 'HTTPS listeners serve HTTP/2 chosen by ALPN'],
    ['MUST', 'HTTPS listener without ALPN HTTP/2 reports UnsupportedProtocol'],
    ['MUST', 'HTTP listeners serve h2c with prior knowledge'],
    ['MUST', 'HTTP listener without h2c reports UnsupportedProtocol'],
    ['MAY', 'HTTP/1.1 Upgrade to HTTP/2 may also be offered'],
    ['MUST', 'h2c on HTTP listeners is documented'],
  ]],
  ['Hostnames and attachment', [
    ['MUST', 'a wildcard label stands alone and leftmost'],
    ['MUST', 'route and listener hostnames must intersect to attach'],
    ['MUST', 'route hostnames outside the listener hostname are not matched'],
    ['MUST NOT', 'a parent without an intersecting hostname does not accept the route'],
    ['MUST', 'no hostname intersection reports NoMatchingListenerHostname'],
    ['MUST', 'wildcards match one or more labels but not the bare suffix'],
    ['MUST', 'every intersected hostname carries traffic'],
    ['MUST', 'parentRefs to the same parent are distinct'],
    ['MUST', 'one accepting listener is enough to attach'],
    ['MUST', 'no accepting listener means detached'],
    ['MUST', 'sectionName and port together select a listener matching both'],
    ['MUST', 'other parent kinds document how sectionName and port apply'],
    ['MUST', 'only routes attached to an in-scope parent are reconciled'],
  ]],
  ['Cross-serving', [
    // v1.7.0 makes rejecting one optional (MAY reject; if so, accept exactly one); v1.6 read it as always.
    ['MUST', 'a listener that rejects one of an HTTPRoute and a GRPCRoute sharing a hostname keeps exactly one'],
    ['MUST', 'the older route wins the shared hostname'],
    ['MUST', 'equal age falls back to namespace/name order'],
    ['MUST', 'the losing route reports Accepted=False'],
    ['MAY', 'hostname uniqueness across route kinds may be left unenforced'],
    ['MUST NOT', 'HTTPRoute and GRPCRoute precedence is never merged'],
  ]],
  ['Rules and matching', [
    ['MUST', 'rule names are unique within a route'],
    ['MUST', 'any one match entry selects the rule'],
    ['MUST', 'a rule without matches takes every request'],
    ['MUST', 'all header conditions of a match must hold'],
    ['MUST', 'a method match names a service or a method'],
    ['MUST', 'exact service and method values are well formed, without slashes'],
    ['MUST', 'header names match regardless of case'],
    ['MUST', 'the first of duplicate header names in a match counts'],
    ['MUST', 'later duplicate header names in a match are ignored'],
    ['MUST', 'an unknown header match type does not crash the controller'],
    ['MUST', 'an unknown header match type reports UnsupportedValue'],
    ['MUST', 'rule, match and header counts stay within schema limits'],
  ]],
  ['Precedence', [
    ['MUST', 'longest matching exact hostname wins'],
    ['MUST', 'then longest matching hostname of any kind'],
    ['MUST', 'then longest matching service'],
    ['MUST', 'then longest matching method'],
    ['MUST', 'then most header conditions'],
    ['MUST', 'ties across routes go to the oldest route'],
    ['MUST', 'then to the first route by namespace/name'],
    ['MUST', 'ties within a route go to the earliest rule'],
    ['MUST', 'listener order: exact hostname, then wildcard by specificity, then none'],
    ['SHOULD', 'valid rules keep working beside invalid ones'],
  ]],
  ['Filters', [
    ['MUST', 'all core filters are supported'],
    ['MUST', 'unsupported filter combinations are documented'],
    ['MAY', 'incompatible filters may be reported as IncompatibleFilters'],
    ['MUST', 'each header modifier appears at most once per filter list'],
    ['MUST', 'a filter sets only the field its type names'],
    ['MUST', 'backend filters apply only to requests sent to that backend'],
    ['MUST', 'set replaces, add appends, remove deletes headers'],
    ['MUST', 'filter header names ignore case; the first duplicate wins'],
    ['MUST', 'several actions on one header name are invalid'],
    ['MUST', 'a mirrored request goes to one mirror endpoint'],
    ['MUST', 'mirror responses are discarded'],
    ['MUST', 'mirror percent and fraction are exclusive and default to all'],
    ['MUST', 'a missing mirror backend is dropped with ResolvedRefs=False'],
    ['MUST', 'an ungranted cross-namespace mirror reports RefNotPermitted'],
    ['SHOULD', 'the ResolvedRefs message explains the mirror problem'],
    ['MUST', 'custom filters use the ExtensionRef type'],
    ['MUST NOT', 'ExtensionRef does not stand in for a core or extended filter'],
    ['MUST NOT', 'an unresolvable custom filter is not silently skipped'],
    ['MUST', 'requests through an unresolvable custom filter fail'],
    ['MUST', 'references of invalid group or kind are reported in conditions'],
  ]],
  ['Backends', [
    ['MUST', 'only invalid backends and no filters: every call gets UNAVAILABLE'],
    ['MUST', 'calls routed to an invalid backend get UNAVAILABLE'],
    ['MUST', 'invalid backends keep their weighted share as UNAVAILABLE'],
    ['NOTE', 'no backendRefs and no answering filter: calls get UNIMPLEMENTED'],
    ['MUST', 'an invalid backendRef reports ResolvedRefs=False with reason and message'],
    ['MUST', 'an unsupported backend kind reports InvalidKind'],
    ['MUST', 'a missing backend reports BackendNotFound'],
    ['MUST', 'an ungranted cross-namespace backend reports RefNotPermitted'],
    ['MUST', 'an unmeetable BackendTLSPolicy makes the backend invalid'],
    ['MUST', 'Service backendRefs name a port'],
    ['SHOULD NOT', 'ExternalName Services are not supported'],
    ['SHOULD', 'weight 0 gets no traffic; a lone weighted backend gets all'],
    ['MUST', 'traffic splits in proportion to weights'],
    ['SHOULD', 'the Service port appProtocol is honoured'],
    ['SHOULD', 'standard application protocols such as kubernetes.io/h2c are known'],
    ['MAY', 'the backend protocol may be inferred from the route type'],
    ['MUST', 'a backend unreachable by its protocol reports UnsupportedProtocol'],
    ['MUST', 'unsupported TCP and UDP on one port reports UnsupportedProtocol'],
    ['MUST', 'BackendTLSPolicy applies to GRPCRoute backends'],
  ]],
  ['ReferenceGrant', [
    ['MUST NOT', 'cross-namespace backends need a matching ReferenceGrant'],
    ['MUST', 'removing the grant revokes access'],
    ['MUST', 'from entries and to entries each combine with OR'],
    ['MUST', 'grant changes are watched and references re-evaluated'],
    ['MUST NOT', 'an ungranted reference does not reveal whether the target exists'],
    ['MUST', 'ignoring ReferenceGrant is documented with its safeguard'],
  ]],
  ['Route status', [
    ['MUST', 'the parent Gateway controller sets Accepted'],
    ['MUST', 'one implemented rule makes the route Accepted'],
    ['MUST', 'controllerName is set in every parent entry'],
    ['SHOULD', 'stale own entries are removed'],
    ['MUST', 'a parent entry is added when the route is first seen'],
    ['MUST', 'only own entries are updated'],
    ['MUST NOT', 'other controllers\u2019 entries are left alone'],
    ['MUST', 'each parentRef is handled on its own'],
    ['MUST', 'status is written read-modify-write'],
    ['MUST NOT', 'foreign conditions are neither removed nor reordered'],
    ['MUST', 'conditions of one type are merged, never duplicated'],
    ['MUST', 'observedGeneration follows metadata.generation'],
    ['MUST NOT', 'a condition from a newer generation is not overwritten'],
    ['SHOULD', 'the listed Accepted and ResolvedRefs reasons are preferred'],
    ['MUST', 'mixed valid and invalid rules: drop rules or fall back'],
    ['MUST', 'dropping reports PartiallyInvalid "Dropped Rule" at the current generation'],
    ['MUST', 'falling back reports PartiallyInvalid "Fall Back" at the last good generation'],
    ['SHOULD', 'fall back only when the last good state survives restarts'],
    ['MUST NOT', 'PartiallyInvalid is only True, and only for partly valid accepted routes'],
    ['MUST', 'every in-scope route gets status'],
    ['SHOULD NOT', 'out-of-scope routes get no further status'],
  ]],
  ['Gateway and listeners', [
    ['MUST', 'unmatched traffic is refused; gRPC sees UNIMPLEMENTED'],
    ['SHOULD', 'a request is served by at most one listener'],
    ['MUST', 'without listener isolation, say so and do not claim the feature'],
    ['SHOULD', 'with listener isolation, claim the feature and pass its tests'],
    ['MUST', 'HTTP listener hostnames match the :authority'],
    ['SHOULD', 'HTTPS listener hostnames match SNI and :authority'],
    ['SHOULD', 'a better-matching other listener answers 421'],
    ['MUST', 'no matching listener answers 404, UNIMPLEMENTED for gRPC'],
    ['MUST', 'the longest matching SNI certificate is served'],
    ['MUST', 'ungranted cross-namespace certificates report RefNotPermitted'],
    ['MUST', 'incomplete listener TLS reports InvalidTLSConfig'],
    ['MUST', 'an unsupported listener protocol reports UnsupportedProtocol'],
    ['MUST', 'conflicting listeners report Conflicted and are not served'],
    ['MUST', 'allowed route kinds fit the listener protocol'],
    ['MUST', 'unknown allowed route kinds report InvalidRouteKinds'],
    ['MUST', 'supportedKinds lists exactly the supported kinds'],
    ['MUST NOT', 'unsupported kinds never appear in supportedKinds'],
    ['MUST', 'valid kinds are still listed beside invalid ones'],
    ['MUST', 'attachedRoutes is reported even for unaccepted listeners'],
    ['MUST NOT', 'unaccepted routes are not counted in attachedRoutes'],
    ['MUST', 'allowedRoutes.namespaces decides which namespaces may attach'],
  ]],
  ['Session persistence', [
    ['MUST', 'the session cookie path defaults to /'],
    ['SHOULD', 'a unique cookie name is generated when none is set'],
    ['MUST', 'permanent cookies need and use absoluteTimeout'],
    ['MUST', 'rule session persistence overrides BackendTrafficPolicy'],
    ['MUST NOT', 'one rule\u2019s persistence does not leak to other rules or routes'],
    ['MUST NOT', 'rules sharing a Service do not share sessions'],
    ['MUST', 'a session keeps its backend even at weight 0'],
    ['MUST', 'requests with several cookies are handled'],
    ['MUST', 'mixed persistence in one split is handled one documented way'],
    ['MUST', 'Service sessionAffinity with session persistence rejects the route'],
    ['SHOULD', 'a dead pinned backend is replaced and the session re-pinned'],
  ]],
  ['Conformance process', [
    ['MUST', 'a conformance claim needs a full pass without skips'],
    ['SHOULD', 'the report is submitted upstream'],
  ]],
];

/** All 147 statements, by number. */
export const SPEC_STATEMENTS: ReadonlyMap<number, SpecStatement> = new Map(
  AREAS.flatMap(([area, entries]) => entries.map(([keyword, title]) => ({ area, keyword, title })))
    .map((s, index) => [index + 1, { number: index + 1, ...s }] as const),
);

/** The statement with this number, or undefined for a number outside the checklist. */
export function specStatement(number: number): SpecStatement | undefined {
  return SPEC_STATEMENTS.get(number);
}
