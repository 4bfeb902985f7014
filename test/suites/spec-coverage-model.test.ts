import { describe, expect, it } from 'vitest';
import { SPEC_STATEMENTS } from '../../harness/report/spec-statements.ts';
import { computeSpecCoverage, isCoverageTarget } from '../../harness/spec/spec-coverage.ts';
import { formatPercent, renderSpecCoverage } from '../../harness/spec/spec-coverage-markdown.ts';
import { SECTION_LETTERS, STATEMENT_PLACES } from '../../harness/spec/statement-kinds.ts';

describe('statement kinds', () => {
  it('give every one of the 147 statements a section and a kind', () => {
    expect([...STATEMENT_PLACES.keys()]).toEqual([...SPEC_STATEMENTS.keys()]);
    expect(SECTION_LETTERS).toEqual([...'ABCDEFGHIJKL']);
  });

  it('start a new section exactly where the statement titles start a new area', () => {
    const boundaries = (key: (n: number) => string | undefined) =>
      [...SPEC_STATEMENTS.keys()].filter((n) => n === 1 || key(n) !== key(n - 1));
    expect(boundaries((n) => STATEMENT_PLACES.get(n)?.section)).toEqual(boundaries((n) => SPEC_STATEMENTS.get(n)?.area));
  });

  it('match the counts of the checklist: 125 MUST / MUST NOT, 100 of them in A–J with a status or data-plane part', () => {
    const all = computeSpecCoverage([], new Map()).statements;
    expect(all.filter((s) => s.keyword === 'MUST' || s.keyword === 'MUST NOT')).toHaveLength(125);
    expect(all.filter((s) => s.kind === 'Doc')).toHaveLength(11);
    expect(all.filter(isCoverageTarget)).toHaveLength(100);
  });
});

describe('computeSpecCoverage', () => {
  const reasons = new Map([[2, 'needs an implementation without ALPN'], [3, 'stale']]);
  const coverage = computeSpecCoverage(
    [
      { name: 'A', specRefs: [1, 3, 3, 200] },
      { name: 'B', specRefs: [3, 7] },
    ],
    reasons,
  );
  const statement = (n: number) => coverage.statements[n - 1];

  it('lists citing tests once each, in registration order', () => {
    expect(statement(3)?.citedBy).toEqual(['A', 'B']);
    expect(statement(7)?.citedBy).toEqual(['B']);
  });

  it('takes the reason from the record, then from the kind, else marks it missing', () => {
    expect(statement(2)).toMatchObject({ reasonSource: 'recorded', reason: 'needs an implementation without ALPN' });
    expect(statement(6)?.reasonSource).toBe('kind');
    expect(statement(4)).toMatchObject({ reasonSource: 'missing' });
    expect(statement(4)?.reason).toBeUndefined();
    expect(statement(1)?.reasonSource).toBeUndefined();
  });

  it('reports unknown numbers and stale reasons', () => {
    expect(coverage.unknownRefs).toEqual([{ test: 'A', number: 200 }]);
    expect(coverage.staleReasons).toEqual([3]);
  });

  it('counts only target statements in the summary: 1 and 3 of the 100', () => {
    expect(coverage.target).toMatchObject({ total: 100, cited: 2 });
    expect(coverage.target.uncited).not.toContain(7);
  });
});

describe('renderSpecCoverage', () => {
  it('is deterministic and has one row per statement', () => {
    const coverage = computeSpecCoverage([{ name: 'T', specRefs: [1] }], new Map());
    const page = renderSpecCoverage(coverage);
    expect(renderSpecCoverage(coverage)).toBe(page);
    expect(page.match(/^\| \d+ \| /gm)).toHaveLength(147);
    expect(page).toContain('| 1 | HTTPS listeners serve HTTP/2 chosen by ALPN | MUST | D | T |  |');
    expect(page).toContain('| 4 | HTTP listener without h2c reports UnsupportedProtocol | MUST | S |  | **no reason recorded** |');
    expect(page).toContain('Target ≥ 95 %: **not met**');
  });

  it('rounds the percentage down', () => {
    expect(formatPercent(949, 1000)).toBe('94.9');
    expect(formatPercent(2, 3)).toBe('66.6');
    expect(formatPercent(0, 0)).toBe('100.0');
  });
});
