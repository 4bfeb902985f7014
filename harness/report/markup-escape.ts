import { stripAnsi } from './strip-ansi.ts';

// XML 1.0 forbids these even as character references; HTML renders them as garbage.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for XML or HTML element content and quoted attribute values. */
export function escapeMarkup(text: string): string {
  return stripAnsi(text)
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
