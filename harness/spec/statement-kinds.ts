/**
 * How a statement of the §12 checklist can be checked: V = API-server validation (schema/CEL),
 * S = status conditions, D = data plane, Doc = a documentation obligation. Combined kinds such as
 * `V/S` or `D/S` have more than one testable part.
 */
export type StatementKind = 'V' | 'S' | 'D' | 'Doc' | 'V/S' | 'V/D' | 'S/D' | 'D/S';

/** The lettered checklist section a statement belongs to, with the kind of test that could check it. */
export interface StatementPlace {
  readonly section: string;
  readonly kind: StatementKind;
}

// One entry per section, in checklist order, with its statements' kinds in number order.
const SECTIONS: readonly (readonly [string, readonly StatementKind[]])[] = [
  ['A', ['D', 'S', 'D', 'S', 'D', 'Doc']],
  ['B', ['V', 'S', 'D', 'S', 'S', 'D', 'D', 'V', 'S', 'S', 'S', 'Doc', 'S']],
  ['C', ['S', 'S', 'S', 'S', 'S', 'D']],
  ['D', ['V/S', 'D', 'D', 'D', 'V', 'V', 'D', 'D', 'D', 'S', 'S', 'V']],
  ['E', ['D', 'D', 'D', 'D', 'D', 'D', 'D', 'D', 'D', 'D']],
  ['F', ['D', 'Doc', 'S', 'V', 'V', 'D', 'D', 'D', 'S', 'D', 'D', 'V/D', 'S', 'S', 'S', 'V', 'Doc', 'D', 'D', 'S']],
  ['G', ['D', 'D', 'D', 'D', 'S', 'S', 'S', 'S', 'S/D', 'V', 'D', 'D', 'D', 'D', 'D', 'D', 'S', 'S', 'D']],
  ['H', ['D/S', 'D/S', 'D', 'D/S', 'S', 'Doc']],
  ['I', ['S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S/D', 'S', 'Doc', 'S', 'S', 'S']],
  ['J', ['D', 'D', 'Doc', 'Doc', 'D', 'D', 'D', 'D', 'D', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'S']],
  ['K', ['D', 'D', 'V/D', 'D', 'D', 'D', 'D', 'D', 'Doc', 'S', 'D']],
  ['L', ['Doc', 'Doc']],
];

/** Section letter and kind of every statement, numbered 1–147 in checklist order. */
export const STATEMENT_PLACES: ReadonlyMap<number, StatementPlace> = new Map(
  SECTIONS.flatMap(([section, kinds]) => kinds.map((kind) => ({ section, kind })))
    .map((place, index) => [index + 1, place] as const),
);

/** The section letters in order, A to L. */
export const SECTION_LETTERS: readonly string[] = SECTIONS.map(([section]) => section);

/** True when the kind has a status or data-plane part, which a conformance test can observe. */
export function hasObservablePart(kind: StatementKind): boolean {
  return kind.split('/').some((part) => part === 'S' || part === 'D');
}

