/**
 * A readable name for an unnamed case, in the spirit of upstream's generated names:
 * `3 Echo with {version:one} -> grpc-infra-backend-v1`. Falls back to the case number.
 */
export function caseName(c: unknown, index: number): string {
  const n = index + 1;
  if (c === null || typeof c !== 'object') return `case ${n}`;
  const record = c as { name?: unknown; call?: { method?: unknown; service?: unknown; metadata?: unknown }; expect?: Record<string, unknown> };
  if (typeof record.name === 'string' && record.name !== '') return record.name;
  if (!record.call || typeof record.call.method !== 'string') return `case ${n}`;
  const service = typeof record.call.service === 'string' ? `${record.call.service}/` : '';
  const metadata = record.call.metadata && typeof record.call.metadata === 'object' ? Object.entries(record.call.metadata) : [];
  const headers = metadata.length > 0 ? ` with {${metadata.map(([k, v]) => `${k}:${String(v)}`).join(',')}}` : '';
  const expect = record.expect ?? {};
  const target =
    typeof expect.backend === 'string' ? ` -> ${expect.backend}` : typeof expect.code === 'number' && expect.code !== 0 ? ` -> code ${expect.code}` : '';
  return `${n} ${service}${record.call.method}${headers}${target}`;
}
