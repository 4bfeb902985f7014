import { stripAnsi } from './strip-ansi.ts';

/** Text for one Markdown table cell: no raw HTML, pipes escaped, line breaks kept as <br>. */
export function markdownCell(text: string): string {
  return stripAnsi(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function markdownCodeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${stripAnsi(text).trimEnd()}\n${fence}`;
}

/** A Markdown table from a header row and body rows of already escaped cells. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
