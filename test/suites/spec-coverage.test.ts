import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../harness/runner/project-root.ts';
import { computeSpecCoverage } from '../../harness/spec/spec-coverage.ts';
import { renderSpecCoverage } from '../../harness/spec/spec-coverage-markdown.ts';
import { hasObservablePart } from '../../harness/spec/statement-kinds.ts';
import { UNTESTED_STATEMENTS } from '../../harness/spec/untested-statements.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';

const coverage = computeSpecCoverage(CONFORMANCE_TESTS, UNTESTED_STATEMENTS);

describe('spec coverage of the registered tests', () => {
  // A ratchet below the 95 % target (docs/spec-coverage.md says "not met"): #124 was cited by a test
  // that applied it to invalid certificateRefs, which the statement does not cover (issue 12, item 6);
  // #22 and #61 were cited by tests that never staged them (equal age; an absent mirror copy), item 11.
  it('cites at least 92 % of the MUST / MUST NOT statements of A–J with a status or data-plane part', () => {
    const { cited, total, uncited } = coverage.target;
    expect(cited * 100, `${cited} of ${total} cited; uncited: ${uncited.join(', ')}`).toBeGreaterThanOrEqual(total * 92);
  });

  it('cites only statement numbers of the checklist (1–147)', () => {
    expect(coverage.unknownRefs).toEqual([]);
    for (const test of CONFORMANCE_TESTS) for (const n of test.specRefs) expect(Number.isInteger(n) && n >= 1 && n <= 147, `${test.name}: ${n}`).toBe(true);
  });

  it('records why each uncited statement with a status or data-plane part is untested', () => {
    const unexplained = coverage.statements.filter((s) => s.citedBy.length === 0 && hasObservablePart(s.kind) && s.reasonSource !== 'recorded');
    expect(unexplained.map((s) => `#${s.number} ${s.keyword} ${s.kind}: ${s.title}`)).toEqual([]);
  });

  it('keeps no reason for a statement that a test now cites', () => {
    expect(coverage.staleReasons.map((n) => `#${n}: ${UNTESTED_STATEMENTS.get(n)}`)).toEqual([]);
  });

  it('docs/spec-coverage.md is up to date (npm run spec-coverage)', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'docs', 'spec-coverage.md'), 'utf8');
    expect(committed === renderSpecCoverage(coverage), 'docs/spec-coverage.md is stale: run `npm run spec-coverage`').toBe(true);
  });
});

describe('npm run spec-coverage', () => {
  const script = ['bin/run-ts.js', 'scripts/spec-coverage.ts'];

  it('--check passes on the committed page without writing it', async () => {
    const result = await execa(process.execPath, [...script, '--check'], { cwd: PROJECT_ROOT, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^docs\/spec-coverage\.md is up to date: \d+\.\d % of target statements cited \(\d+ of \d+\)$/);
  });

  it('refuses unknown arguments with exit code 2', async () => {
    const result = await execa(process.execPath, [...script, '--fix'], { cwd: PROJECT_ROOT, reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('usage: spec-coverage [--check]');
  });
});
