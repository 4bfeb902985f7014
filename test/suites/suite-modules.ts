import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceTest } from '../../harness/runner/conformance-test.ts';
import { PROJECT_ROOT } from '../../harness/runner/project-root.ts';

export const SUITES_DIR = join(PROJECT_ROOT, 'suites');

/** One file of suites/ and the conformance tests it exports (none for barrels and helpers). */
export interface SuiteModule {
  readonly file: string;
  readonly baseName: string;
  readonly tests: readonly ConformanceTest[];
}

/** Every suites/*.ts file except the Vitest adapter, imported, with the test objects among its exports. */
export async function loadSuiteModules(): Promise<SuiteModule[]> {
  const files = readdirSync(SUITES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  return Promise.all(
    files.map(async (file) => {
      const exports = (await import(pathToFileURL(join(SUITES_DIR, file)).href)) as Record<string, unknown>;
      return { file, baseName: file.slice(0, -'.ts'.length), tests: Object.values(exports).filter(isConformanceTest) };
    }),
  );
}

function isConformanceTest(value: unknown): value is ConformanceTest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ConformanceTest>;
  return typeof candidate.name === 'string' && Array.isArray(candidate.specRefs) && typeof candidate.run === 'function';
}
