/**
 * True when some request authority could match both hostnames: equal names, a wildcard and a name
 * under its suffix (one or more labels), or two wildcards where one suffix ends with the other.
 */
export function hostnamesIntersect(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const xSuffix = x.startsWith('*.') ? x.slice(1) : undefined;
  const ySuffix = y.startsWith('*.') ? y.slice(1) : undefined;
  if (xSuffix !== undefined && ySuffix !== undefined) return xSuffix.endsWith(ySuffix) || ySuffix.endsWith(xSuffix);
  if (xSuffix !== undefined) return y.endsWith(xSuffix);
  if (ySuffix !== undefined) return x.endsWith(ySuffix);
  return false;
}
