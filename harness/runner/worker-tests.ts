import { inject } from 'vitest';
import { importTestModule } from '../api/import-test-module.ts';
import { ConfigError } from '../errors.ts';
import type { ConformanceTest } from './conformance-test.ts';
import type { ConformanceProvided } from './provided-context.ts';

/**
 * In the worker: the run's tests, in the main process's order. Only their names cross over (a
 * function cannot), so tests that are not built in come from the run's test modules.
 */
export async function workerTests(builtin: readonly ConformanceTest[]): Promise<readonly ConformanceTest[]> {
  // Undefined when run outside our runner (a Vitest config of the caller's own).
  const provided = inject('conformance') as ConformanceProvided | undefined;
  if (!provided?.testNames) return builtin;
  const all = [...builtin];
  for (const url of provided.testModules ?? []) all.push(...(await importTestModule(url)));
  const byName = new Map(all.map((t) => [t.name, t]));
  const missing = provided.testNames.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    const where = provided.testModules?.length ? provided.testModules.join(', ') : 'no testModules given';
    throw new ConfigError(`tests ${missing.join(', ')} are neither built in nor exported by a test module (${where}); list their module in testModules`);
  }
  return provided.testNames.map((name) => byName.get(name)!);
}
