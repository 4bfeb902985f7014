// `npm run spec-coverage`: writes docs/spec-coverage.md from the registered tests' specRefs.
// `npm run spec-coverage -- --check`: exits 1 when the committed page differs from a fresh one.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, HarnessError } from '../harness/errors.ts';
import { PROJECT_ROOT } from '../harness/runner/project-root.ts';
import { computeSpecCoverage } from '../harness/spec/spec-coverage.ts';
import { formatPercent, renderSpecCoverage } from '../harness/spec/spec-coverage-markdown.ts';
import { UNTESTED_STATEMENTS } from '../harness/spec/untested-statements.ts';
import { CONFORMANCE_TESTS } from '../suites/index.ts';

const PAGE = join(PROJECT_ROOT, 'docs', 'spec-coverage.md');

async function main(args: readonly string[]): Promise<void> {
  if (args.some((a) => a !== '--check')) {
    throw new ConfigError(`usage: spec-coverage [--check] (got ${args.join(' ')})`);
  }
  const coverage = computeSpecCoverage(CONFORMANCE_TESTS, UNTESTED_STATEMENTS);
  const page = renderSpecCoverage(coverage);
  const { cited, total } = coverage.target;
  const summary = `${formatPercent(cited, total)} % of target statements cited (${cited} of ${total})`;
  if (args.includes('--check')) {
    const committed = await readFile(PAGE, 'utf8').catch(() => '');
    if (committed !== page) {
      throw new HarnessError('GRPCCONF_SPEC_COVERAGE_STALE', 'docs/spec-coverage.md is stale: run `npm run spec-coverage` and commit it', {
        exitCode: 1,
        context: { page: PAGE },
      });
    }
    console.log(`docs/spec-coverage.md is up to date: ${summary}`);
    return;
  }
  await writeFile(PAGE, page);
  console.log(`wrote docs/spec-coverage.md: ${summary}`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof HarnessError ? error.exitCode : 1;
}
