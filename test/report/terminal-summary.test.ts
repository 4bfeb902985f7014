import { describe, expect, it } from 'vitest';
import { renderTerminalSummary } from '../../harness/report/terminal-summary.ts';
import { FIXTURE_RUN } from './fixture-run.ts';

describe('renderTerminalSummary', () => {
  it('returns plain lines without colour unless asked', () => {
    const lines = renderTerminalSummary(FIXTURE_RUN, { isTTY: false });
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    expect(lines[0]).toMatch(/^Feature\s+Level\s+Passed\s+Failed\s+Skipped$/);
    expect(lines.find((l) => l.startsWith('core tests (all)'))).toMatch(/\s1\s+1\s+1$/);
    expect(lines.find((l) => l.startsWith('GRPCRouteMethodRegexMatch (unsupported)'))).toMatch(/implementation-specific\s+0\s+0\s+1$/);
  });

  it('colours non-zero counts when asked, leaving the layout alone', () => {
    const coloured = renderTerminalSummary(FIXTURE_RUN, { isTTY: true });
    expect(coloured.join('\n')).toContain('\u001b[31m      1\u001b[0m');
    expect(coloured.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''))).toEqual(renderTerminalSummary(FIXTURE_RUN, { isTTY: false }));
  });

  it('lists only features that are supported or had tests', () => {
    const text = renderTerminalSummary(FIXTURE_RUN, { isTTY: false }).join('\n');
    expect(text).not.toContain('BackendTLSPolicy');
    expect(text).toContain('ReferenceGrant');
  });
});
