function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * An expected or observed value as text: strings as they are, anything else as JSON with
 * sorted keys (so two runs diff cleanly); `pretty` spreads objects over lines.
 */
export function formatCaseValue(value: unknown, options: { readonly pretty?: boolean } = {}): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, sortKeys, options.pretty ? 2 : undefined) ?? String(value);
}
