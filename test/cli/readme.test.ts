import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderFlagTable } from '../../harness/cli/flag-table.ts';

describe('README.md', () => {
  it('carries the flag table generated from the option table', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const between = /<!-- flag-table:start[^\n]*-->\n([\s\S]*?)\n<!-- flag-table:end -->/.exec(readme);
    // On failure, paste renderFlagTable() between the markers.
    expect(between?.[1]).toBe(renderFlagTable());
  });
});
