import type { FaultSet } from './faults.ts';

/** Request host for matching: `:authority` without `:port`, lower-case (IPv6 literals keep their brackets). */
export function requestHost(authority: string | undefined, faults: FaultSet): string {
  const lower = (authority ?? '').toLowerCase();
  if (faults.has('authority-port-breaks-matching')) return lower;
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']');
    return end === -1 ? lower : lower.slice(0, end + 1);
  }
  const colon = lower.lastIndexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

/** Whether a hostname pattern (exact, `*.suffix`, `*`, or undefined = any) matches a host. */
export function hostnameMatches(pattern: string | undefined, host: string, faults: FaultSet): boolean {
  if (pattern === undefined || pattern === '' || pattern === '*') return true;
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1);
  if (host.length > suffix.length && host.endsWith(suffix)) return true;
  return faults.has('wildcard-matches-apex') && host === pattern.slice(2);
}

/**
 * How specific a matching hostname pattern is: exact names beat wildcards, longer (more labels) wildcards
 * beat shorter ones, and no hostname comes last. Higher is more specific.
 */
export function hostnameSpecificity(pattern: string | undefined): number {
  if (pattern === undefined || pattern === '' || pattern === '*') return 0;
  if (pattern.startsWith('*.')) return 1 + pattern.split('.').length * 1000 + pattern.length;
  return 1_000_000 + pattern.length;
}

/** Items whose hostname matches `host`, most specific first (exact, then wildcards by specificity, then none). */
export function rankByHostname<T extends { readonly hostname?: string | undefined }>(
  items: readonly T[],
  host: string,
  faults: FaultSet,
): T[] {
  return items
    .filter((item) => hostnameMatches(item.hostname, host, faults))
    .sort((a, b) => hostnameSpecificity(b.hostname) - hostnameSpecificity(a.hostname));
}
