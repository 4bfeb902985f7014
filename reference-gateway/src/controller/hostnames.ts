/** Result of intersecting a listener hostname with a route's hostnames. */
export interface HostnameIntersection {
  readonly intersects: boolean;
  /** Lower-case effective hostnames; empty = any host. */
  readonly hostnames: readonly string[];
}

/**
 * True when `pattern` admits every host `host` admits (`host` may itself be a wildcard).
 * A wildcard covers one or more leading labels, never its bare suffix.
 */
export function hostnameCovers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  const candidate = host.startsWith('*.') ? host.slice(1) : host;
  return candidate.endsWith(suffix) && candidate.length > suffix.length;
}

/** Effective hostnames of a route on a listener: for each pair, the more specific of the two. */
export function intersectHostnames(listenerHostname: string | undefined, routeHostnames: readonly string[] | undefined): HostnameIntersection {
  const listener = listenerHostname?.toLowerCase();
  const routes = [...new Set((routeHostnames ?? []).map((h) => h.toLowerCase()))];
  if (routes.length === 0) return { intersects: true, hostnames: listener ? [listener] : [] };
  if (!listener) return { intersects: true, hostnames: routes };
  const out = new Set<string>();
  for (const route of routes) {
    if (hostnameCovers(listener, route)) out.add(route);
    else if (hostnameCovers(route, listener)) out.add(listener);
  }
  return { intersects: out.size > 0, hostnames: [...out] };
}

/** Whether two effective hostname sets share any host (empty = any host). */
export function hostnameSetsOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => hostnameCovers(x, y) || hostnameCovers(y, x)));
}
