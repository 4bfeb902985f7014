import { invalid } from './status-errors.ts';

const OPTIONS_KIND: Record<string, string> = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions', delete: 'DeleteOptions' };

/**
 * The `dryRun` query parameter of a write: absent, or every value `All` (then the write is
 * judged, defaulted and answered but not stored). Other values are refused as the real server
 * refuses them, as an invalid options object.
 */
export function readDryRun(query: URLSearchParams, verb: string): boolean {
  const values = query.getAll('dryRun');
  if (values.length === 0) return false;
  if (values.every((v) => v === 'All')) return true;
  const shown = `[${values.map((v) => JSON.stringify(v)).join(',')}]`;
  throw invalid(OPTIONS_KIND[verb] ?? 'CreateOptions', 'meta.k8s.io', '', [
    { reason: 'FieldValueNotSupported', message: `Unsupported value: ${shown}: supported values: "All"`, field: 'dryRun' },
  ]);
}
