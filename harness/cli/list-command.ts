import type { ConformanceTest } from '../runner/conformance-test.ts';
import { testLevel } from '../runner/test-level.ts';

/** The shape of one entry of `list --json`. */
export interface ListedTest {
  readonly name: string;
  readonly description: string;
  readonly features: readonly string[];
  readonly level: string;
  readonly provisional: boolean;
  readonly specRefs: readonly number[];
}

export function listTests(tests: readonly ConformanceTest[]): ListedTest[] {
  return tests.map((t) => ({
    name: t.name,
    description: t.description,
    features: [...t.features],
    level: testLevel(t.features),
    provisional: t.provisional ?? false,
    specRefs: [...t.specRefs],
  }));
}

/** `list`: JSON array, or one aligned line per test for people. */
export function renderList(tests: readonly ConformanceTest[], json: boolean): string {
  const listed = listTests(tests);
  if (json) return `${JSON.stringify(listed, null, 2)}\n`;
  if (listed.length === 0) return 'no conformance tests registered\n';
  const width = Math.max(...listed.map((t) => t.name.length));
  return listed
    .map((t) => `${t.name.padEnd(width)}  ${t.level.padEnd(23)}  ${t.features.join(',')}${t.provisional ? '  (provisional)' : ''}\n`)
    .join('');
}
