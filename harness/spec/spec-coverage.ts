import { SPEC_STATEMENTS, type SpecKeyword } from '../report/spec-statements.ts';
import { hasObservablePart, STATEMENT_PLACES, type StatementKind } from './statement-kinds.ts';

/** What the coverage needs of a conformance test: its name and the statements it cites. */
export interface CitingTest {
  readonly name: string;
  readonly specRefs: readonly number[];
}

/** Where the "why untested" line of an uncited statement comes from. */
export type ReasonSource = 'recorded' | 'kind' | 'missing';

export interface StatementCoverage {
  readonly number: number;
  readonly section: string;
  readonly area: string;
  readonly title: string;
  readonly keyword: SpecKeyword;
  readonly kind: StatementKind;
  /** Names of the tests citing it, in registration order. */
  readonly citedBy: readonly string[];
  /** Why no test cites it; only for uncited statements. */
  readonly reason?: string;
  readonly reasonSource?: ReasonSource;
}

export interface SpecCoverage {
  readonly statements: readonly StatementCoverage[];
  readonly testCount: number;
  /** The coverage target: MUST / MUST NOT statements of sections A–J with a status or data-plane part. */
  readonly target: { readonly total: number; readonly cited: number; readonly uncited: readonly number[] };
  /** Numbers cited by a test that the checklist does not have. */
  readonly unknownRefs: readonly { readonly test: string; readonly number: number }[];
  /** Recorded reasons for statements that a test cites after all. */
  readonly staleReasons: readonly number[];
}

const TARGET_SECTIONS = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);

const KIND_REASONS: Partial<Record<StatementKind, string>> = {
  Doc: 'documentation obligation: nothing to observe in traffic or status',
  V: 'API-server validation (CRD schema/CEL): enforced by the API server, not by the implementation under test',
};

/** True for the statements the ≥ 95 % target counts. */
export function isCoverageTarget(statement: Pick<StatementCoverage, 'section' | 'keyword' | 'kind'>): boolean {
  return TARGET_SECTIONS.has(statement.section) && (statement.keyword === 'MUST' || statement.keyword === 'MUST NOT') && hasObservablePart(statement.kind);
}

/** Joins the checklist, the tests' `specRefs` and the recorded reasons into one coverage model. */
export function computeSpecCoverage(tests: readonly CitingTest[], reasons: ReadonlyMap<number, string>): SpecCoverage {
  const citedBy = new Map<number, string[]>();
  const unknownRefs: { test: string; number: number }[] = [];
  for (const test of tests) {
    for (const number of new Set(test.specRefs)) {
      if (!SPEC_STATEMENTS.has(number)) unknownRefs.push({ test: test.name, number });
      else citedBy.set(number, [...(citedBy.get(number) ?? []), test.name]);
    }
  }
  const statements = [...SPEC_STATEMENTS.values()].map((spec): StatementCoverage => {
    const place = STATEMENT_PLACES.get(spec.number);
    if (!place) throw new Error(`statement ${spec.number} has no section or kind`);
    const names = citedBy.get(spec.number) ?? [];
    const base = { number: spec.number, section: place.section, area: spec.area, title: spec.title, keyword: spec.keyword, kind: place.kind, citedBy: names };
    if (names.length > 0) return base;
    const recorded = reasons.get(spec.number);
    if (recorded !== undefined) return { ...base, reason: recorded, reasonSource: 'recorded' };
    const byKind = KIND_REASONS[place.kind];
    return byKind === undefined ? { ...base, reasonSource: 'missing' } : { ...base, reason: byKind, reasonSource: 'kind' };
  });
  const targets = statements.filter(isCoverageTarget);
  return {
    statements,
    testCount: tests.length,
    target: {
      total: targets.length,
      cited: targets.filter((s) => s.citedBy.length > 0).length,
      uncited: targets.filter((s) => s.citedBy.length === 0).map((s) => s.number),
    },
    unknownRefs,
    staleReasons: [...reasons.keys()].filter((n) => citedBy.has(n)).sort((a, b) => a - b),
  };
}
