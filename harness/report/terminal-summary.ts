import type { RunResult } from '../runner/results.ts';
import { colourizer, type Colour } from '../runner/colour.ts';
import { featureRows, levelRows, type Tally } from './feature-tally.ts';

export interface TerminalSummaryOptions {
  /** Colour the counts; the caller decides (a TTY, and NO_COLOR unset). */
  readonly isTTY: boolean;
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

/**
 * The per-feature table printed at the end of a run, as lines without newlines: one row per
 * test level, then one per feature that was supported or had tests.
 */
export function renderTerminalSummary(run: RunResult, options: TerminalSummaryOptions): string[] {
  const paint = colourizer({ isTTY: options.isTTY }, {});
  const features = featureRows(run).filter((r) => r.supported || r.passed + r.failed + r.skipped > 0);
  const rows: { label: string; level: string; tally: Tally }[] = [
    ...levelRows(run).map((r) => ({ label: `${r.level} tests (all)`, level: '', tally: r })),
    ...features.map((r) => ({ label: r.supported ? r.feature : `${r.feature} (unsupported)`, level: r.level, tally: r })),
  ];
  const nameWidth = Math.max('Feature'.length, ...rows.map((r) => r.label.length));
  const levelWidth = Math.max('Level'.length, ...rows.map((r) => r.level.length));
  const count = (n: number, colour: Colour) => {
    const text = pad(String(n), 7, true);
    return n > 0 ? paint(colour, text) : text;
  };
  const line = (label: string, level: string, cells: string) => `${pad(label, nameWidth)}  ${pad(level, levelWidth)}  ${cells}`;
  const head = line('Feature', 'Level', ['Passed', 'Failed', 'Skipped'].map((h) => pad(h, 7, true)).join(' '));
  const body = rows.map((r) =>
    line(r.label, r.level, [count(r.tally.passed, 'green'), count(r.tally.failed, 'red'), count(r.tally.skipped, 'yellow')].join(' ')),
  );
  const separator = '-'.repeat(nameWidth + levelWidth + 4 + 3 * 7 + 2);
  return [head, separator, ...body.slice(0, 3), separator, ...body.slice(3)];
}
