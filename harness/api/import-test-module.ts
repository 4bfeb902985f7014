import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';
import type { ConformanceTest } from '../runner/conformance-test.ts';

/** A file URL for a module path or URL, so the worker imports exactly the caller's file. */
export function testModuleUrl(module: string | URL, cwd: string): string {
  if (module instanceof URL) return module.href;
  if (module.startsWith('file:')) return module;
  return pathToFileURL(isAbsolute(module) ? module : join(cwd, module)).href;
}

function isTest(value: unknown): value is ConformanceTest {
  const t = value as Partial<ConformanceTest> | null;
  return typeof t === 'object' && t !== null && typeof t.name === 'string' && typeof t.run === 'function' && Array.isArray(t.features);
}

/**
 * In the worker: the tests a module exports as `tests` (or as its default export). The import
 * goes through Vite (run-vitest.ts inlines our package then), so a .ts module loads on Node 20 too.
 */
export async function importTestModule(url: string): Promise<readonly ConformanceTest[]> {
  const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  const exported = module.tests ?? module.default;
  if (!Array.isArray(exported) || !exported.every(isTest)) {
    throw new ConfigError(`test module ${url} must export \`tests\` (or a default export): an array of conformance tests`);
  }
  return exported;
}
