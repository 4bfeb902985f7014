import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FAULTS } from '../../reference-gateway/src/index.ts';
import { MUTANT_EXPECTATIONS } from '../../suites/mutants.ts';
import { MATRIX_END, MATRIX_START, pairsOfDoc, renderMatrix, replaceMatrix } from '../../scripts/mutants/matrix-doc.ts';
import { planPairs } from '../../scripts/mutants/mutant-matrix.ts';
import { planMutants } from '../../scripts/mutants/mutant-plan.ts';

const DOC = new URL('../../docs/mutation-testing.md', import.meta.url);

describe('the matrix section of docs/mutation-testing.md', () => {
  test('round-trips: the rendered table gives back its pairs, and replacing keeps the rest of the document', () => {
    const section = renderMatrix({
      pairs: [
        { fault: 'f', test: 'A', outcome: 'failed', durationMs: 1500 },
        { fault: 'missing-resolved-refs', test: 'B', outcome: 'passed', durationMs: 900 },
      ],
      blanket: { 'missing-resolved-refs': 'why' },
      registered: ['A', 'B'],
      targetedKills: new Set(['A']),
      wallMs: 61_000,
      note: 'load 3',
    });
    expect(section).toContain('pairs observed failing: **1/2**');
    expect(section).toContain('registered tests with a targeted kill: **1/2**');
    expect(section).toContain('| missing-resolved-refs | yes | B | SURVIVED | 0.9s |');
    const doc = replaceMatrix(`before\n${MATRIX_START}\nold\n${MATRIX_END}\nafter\n`, section);
    expect(doc.startsWith('before\n') && doc.endsWith('\nafter\n')).toBe(true);
    expect(pairsOfDoc(doc)).toEqual(['f A', 'missing-resolved-refs B']);
  });

  test('a document without the markers is refused', () => {
    expect(() => replaceMatrix('no markers', 'x')).toThrow(/mutant-matrix:start/);
  });

  // Regenerate with `node bin/run-ts.js scripts/mutants.ts --matrix --write-doc` when this fails.
  test('the committed table holds exactly the pairs of the current plan', () => {
    const plan = planPairs(planMutants(FAULTS.map((f) => f.name), MUTANT_EXPECTATIONS));
    expect(pairsOfDoc(readFileSync(DOC, 'utf8')).sort()).toEqual(plan.sort());
  });
});
