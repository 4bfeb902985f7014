import type { VariantName } from '../variants.ts';
// Deliberate, realistic data-plane bugs for mutation testing: the suite must catch each one.
// Every fault flips exactly one behaviour; names are kebab-case and stable.
const CATALOG = [
  { name: 'ignore-header-matches', description: 'Header predicates of a match are ignored (always hold).' },
  {
    name: 'case-sensitive-header-names',
    description: 'Header names of matches are canonicalised HTTP/1-style (X-Foo) and compared case-sensitively, so they never see lower-case HTTP/2 names.',
  },
  { name: 'service-match-as-prefix', description: 'A service-only Exact match tests the path prefix /S instead of /S/, so /S also matches /SX/M.' },
  { name: 'precedence-ignore-hostname-specificity', description: 'Route hostname length (precise and wildcard) is not used for precedence.' },
  { name: 'precedence-ignore-method-length', description: 'The method part of a match is not used for precedence.' },
  { name: 'precedence-ignore-header-count', description: 'The number of header matches is not used for precedence.' },
  { name: 'precedence-ignore-creation-time', description: 'Route creationTimestamp is not used as a tie-breaker.' },
  { name: 'precedence-ignore-name-order', description: 'Equal-age routes are ordered by namespace/name descending instead of ascending.' },
  { name: 'precedence-last-rule-wins', description: 'Inside a route, the last matching rule wins instead of the first.' },
  { name: 'unknown-instead-of-unavailable', description: 'Gateway-made UNAVAILABLE answers are HTTP 500 without grpc-status (clients see UNKNOWN).' },
  { name: 'not-found-instead-of-unimplemented', description: 'Gateway-made UNIMPLEMENTED answers carry grpc-status 5 (NOT_FOUND).' },
  { name: 'drop-trailers', description: 'Backend trailers other than grpc-status and grpc-message are not passed to the client.' },
  { name: 'drop-bin-metadata', description: 'Binary (-bin) metadata is dropped in both directions.' },
  { name: 'ignore-weights', description: 'Backends with a positive weight are chosen uniformly, whatever their weights.' },
  { name: 'route-to-weight-zero', description: 'Backends with weight 0 are treated as weight 1.' },
  { name: 'authority-port-breaks-matching', description: 'The :port of :authority is kept when matching hostnames.' },
  { name: 'ignore-sni', description: 'TLS always presents the first certificate, whatever the SNI.' },
  {
    name: 'sni-last-matching-listener',
    description: 'TLS presents the certificate of the last listener whose hostname matches the SNI (a wildcard listener declared after an exact one wins), not the longest match.',
  },
  { name: 'no-alpn-h2', description: 'HTTPS listeners do not offer ALPN h2.' },
  { name: 'mirror-nothing', description: 'RequestMirror filters send nothing.' },
  { name: 'response-modifier-applies-to-request', description: 'ResponseHeaderModifier edits the request headers instead of the response headers.' },
  { name: 'add-replaces-instead-of-append', description: 'Header modifier "add" replaces existing values instead of appending.' },
  { name: 'remove-ignored', description: 'Header modifier "remove" does nothing.' },
  { name: 'wildcard-matches-apex', description: 'A wildcard hostname *.example.com also matches example.com.' },
  { name: 'listener-isolation-off', description: 'When the best listener has no matching route, routes of other matching listeners are used.' },
  { name: 'backend-filters-always-applied', description: 'Filters of every backend of a rule run, not only those of the chosen backend.' },
  { name: 'extension-ref-skipped', description: 'An unresolved ExtensionRef filter is skipped instead of failing the request.' },
  { name: 'drop-response-headers', description: 'Custom backend response headers are not passed to the client.' },
  { name: 'regex-not-anchored', description: 'RegularExpression matches accept a partial match instead of a full match.' },
  { name: 'method-match-as-prefix', description: 'An Exact method match tests the method as a prefix, so Echo also matches EchoTwo.' },
  { name: 'no-backend-refs-internal', description: 'A rule without backendRefs answers INTERNAL, as if its empty backend list were a broken config.' },
  {
    name: 'deadline-dropped',
    description: 'grpc-timeout is treated as hop-by-hop: stripped, not enforced, and a call the client gives up on is left running at the backend.',
  },
  {
    name: 'precedence-ignore-original-hostname',
    description: 'Routes whose hostnames intersect the listener to the same name are not ranked by the hostnames they were written with (age decides).',
  },
] as const;

/** Name of one data-plane fault. */
export type DataPlaneFaultName = (typeof CATALOG)[number]['name'];

/** The data-plane fault catalog, as listed by the gateway's mutation testing. */
export const DATA_PLANE_FAULTS: readonly { name: string; description: string; layer: 'data-plane' }[] = CATALOG.map(
  (fault) => ({ name: fault.name, description: fault.description, layer: 'data-plane' as const }),
);

/** The enabled faults; names of other layers (the controller's) are simply not ours and are ignored. */
export class FaultSet {
  static readonly none = new FaultSet(new Set());

  readonly #enabled: ReadonlySet<string>;

  constructor(enabled: ReadonlySet<string>) {
    this.#enabled = enabled;
  }

  /** Neutral variants (../variants.ts) share the switch set: both are startup behaviour switches. */
  has(name: DataPlaneFaultName | VariantName): boolean {
    return this.#enabled.has(name);
  }
}
