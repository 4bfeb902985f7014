import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Static imports, re-exports and dynamic import() calls with a literal specifier.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of harness/, as the folder of the checkout it lands in. */
function harnessImports(): { file: string; target: string }[] {
  return tsFiles(join(ROOT, 'harness')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(SPECIFIERS)]
      .map((m) => m[1]!)
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ file: relative(ROOT, file), target: relative(ROOT, resolve(dirname(file), s)) })),
  );
}

describe('harness/ is a library: composition happens in lib/', () => {
  it('finds the imports it checks', () => {
    expect(harnessImports().length).toBeGreaterThan(100);
  });

  it('never imports suites/ or lib/', () => {
    const crossing = harnessImports().filter(({ target }) => /^(suites|lib)(\/|$)/.test(target));
    expect(crossing).toEqual([]);
  });
});
