import { ConfigError } from '../errors.ts';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;

/**
 * Parses `500ms`, `30s`, `2m`, `1h`, `1m30s` (also decimals like `1.5s`) into milliseconds.
 * A bare number is refused: without a unit nobody can tell seconds from milliseconds.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new ConfigError('empty duration; use e.g. 30s, 500ms or 2m');
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match) {
      const hint = /^\d+(\.\d+)?$/.test(trimmed) ? ` (add a unit: ${trimmed}s or ${trimmed}ms)` : '; use e.g. 30s, 500ms or 2m';
      throw new ConfigError(`bad duration "${text}" at "${trimmed.slice(start)}"${hint}`);
    }
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }
  return Math.round(total);
}

/** Short human form for progress lines and reports: `850ms`, `0.4s`, `12.3s`, `2m05s`. */
export function formatDuration(ms: number): string {
  if (ms < 100) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
