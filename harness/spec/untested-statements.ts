/**
 * Why no conformance test cites a statement of the §12 checklist that has a status or data-plane
 * part, one line each, keyed by statement number. Documentation-only (Doc) and validation-only (V)
 * statements get their reason from their kind and need no entry. An entry for a statement that a
 * test cites is stale and fails test/suites/spec-coverage.test.ts.
 */
export const UNTESTED_STATEMENTS: ReadonlyMap<number, string> = new Map([
  [5, 'optional (MAY), and gRPC clients never use it: they speak h2c with prior knowledge'],
  [22, 'not written yet: needs an HTTPRoute and a GRPCRoute that land in one creation second (GRPCRouteCrossServingExclusive stages #21, ages in different seconds)'],
  [24, 'optional (MAY): enforcing and not enforcing are both allowed, nothing to assert'],
  [25, 'observable only where a GRPCRoute and an HTTPRoute are both served for one hostname on one listener, which #20\u2013#23 forbid'],
  [26, 'a duplicate rule name is refused by CEL before a controller sees it, and the spec names no status for one that slips through'],
  [35, 'the CRD enum refuses unknown header match types, so a conforming API server never hands one to a controller'],
  [36, 'the CRD enum refuses unknown header match types, so a conforming API server never hands one to a controller'],
  [47, 'not written yet: needs a rule that turns invalid while traffic to the valid rules of the same route is checked'],
  [50, 'optional (MAY): the reason for incompatible filters is the implementation\u2019s choice'],
  [61, 'the status half is checked by GRPCRouteMirrorRefNotPermitted, but "not configured" needs pods behind the ungranted Service and an ordering marker for an absent mirror copy; not written yet'],
  [62, 'message wording is free text; tests assert reasons, not message wording'],
  [78, 'not written yet: needs an ExternalName Service as a backend'],
  [96, 'not written yet: needs a parentRef removed from a route and its status entry watched'],
  [105, 'needs a condition written at a generation the controller has not seen yet, a race no test can stage reliably'],
  [106, 'a preference, not a requirement; the tests that check reasons assert the listed ones'],
  [113, 'needs a route moved out of scope and watched for the absence of updates, which a test can sample but not prove'],
  [119, 'not written yet: needs an HTTPS request whose SNI and :authority name different hosts'],
  [120, 'not written yet: needs an HTTPS request whose :authority better matches another listener than its SNI'],
  [124, 'not written yet: needs listener TLS config that is insufficient without an invalid certificateRef (those are ResolvedRefs=False InvalidCertificateRef, GRPCRouteListenerTLSConfig)'],
  [135, 'session persistence: experimental channel only, no test yet'],
  [136, 'session persistence: experimental channel only, no test yet'],
  [137, 'session persistence: experimental channel only, no test yet'],
  [138, 'session persistence: experimental channel only, no test yet'],
  [139, 'session persistence: experimental channel only, no test yet'],
  [140, 'session persistence: experimental channel only, no test yet'],
  [141, 'session persistence: experimental channel only, no test yet'],
  [142, 'session persistence: experimental channel only, no test yet'],
  [144, 'session persistence: experimental channel only, no test yet'],
  [145, 'session persistence: experimental channel only, no test yet'],
]);
