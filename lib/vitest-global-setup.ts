import type { TestProject } from 'vitest/node';
import { resolveConfig } from '../harness/cli/resolve-config.ts';
import { withPortOffset } from '../harness/runner/port-offset.ts';
import '../harness/runner/provided-context.ts';
import { CONFORMANCE_TESTS } from '../suites/index.ts';

/**
 * For `npx vitest --config vitest.conformance.config.ts` (IDE buttons, watch mode): prepares the
 * run the CLI would, configured from GRPCCONF_* variables and the options file they name.
 * The CLI provides the facts itself and never gets here.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (project.getProvidedContext().conformance) return undefined;
  const config = await resolveConfig({
    flags: {},
    env: process.env,
    cwd: process.cwd(),
    knownTests: CONFORMANCE_TESTS.map((t) => t.name),
  });
  const { prepareRun } = await import('../harness/run/prepare-run.ts');
  const prepared = withPortOffset(await prepareRun(config, (line: string) => console.log(line)), config.lowPortOffset);
  project.provide('conformance', { config, facts: prepared.facts });
  return () => prepared.teardown();
}
