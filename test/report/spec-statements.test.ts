import { describe, expect, it } from 'vitest';
import { SPEC_STATEMENTS, specStatement } from '../../harness/report/spec-statements.ts';

describe('spec statements', () => {
  it('number 1 to 147 without gaps, each with a short title', () => {
    expect([...SPEC_STATEMENTS.keys()]).toEqual(Array.from({ length: 147 }, (_, i) => i + 1));
    for (const s of SPEC_STATEMENTS.values()) expect(s.title.length).toBeGreaterThan(10);
    expect(specStatement(0)).toBeUndefined();
    expect(specStatement(148)).toBeUndefined();
  });

  it('keep each area where the checklist puts it', () => {
    const firstOf = (area: string) => [...SPEC_STATEMENTS.values()].find((s) => s.area === area)?.number;
    expect([firstOf('Hostnames and attachment'), firstOf('Precedence'), firstOf('Backends'), firstOf('Route status'), firstOf('Conformance process')])
      .toEqual([7, 38, 68, 93, 146]);
    expect(specStatement(71)?.keyword).toBe('NOTE');
  });

  it('cover every statement number the conformance tests cite', async () => {
    const { CONFORMANCE_TESTS } = await import('../../suites/index.ts');
    const cited = new Set(CONFORMANCE_TESTS.flatMap((t) => [...t.specRefs]));
    expect([...cited].filter((n) => !SPEC_STATEMENTS.has(n))).toEqual([]);
  });
});
