import type { Diagnostics } from '../runner/results.ts';
import { stripAnsi } from './strip-ansi.ts';

const asComments = (text: string): string =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n');

/**
 * A failure's diagnostics as one YAML text: the resources (with status) as they were, and the
 * events and inspect hint as comments, so the whole text still parses as YAML.
 */
export function diagnosticsYaml(diagnostics: Diagnostics): string {
  const parts: string[] = [];
  if (diagnostics.inspectHint) parts.push(`# Inspect by hand:\n${asComments(stripAnsi(diagnostics.inspectHint))}`);
  if (diagnostics.events) parts.push(`# Events:\n${asComments(stripAnsi(diagnostics.events))}`);
  if (diagnostics.resourcesYaml) parts.push(stripAnsi(diagnostics.resourcesYaml).trimEnd());
  return parts.length > 0 ? `${parts.join('\n')}\n` : '';
}
