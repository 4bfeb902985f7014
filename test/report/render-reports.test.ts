import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderReports } from '../../harness/report/index.ts';
import { renderMarkdownSummary } from '../../harness/report/markdown-summary.ts';
import { FIXTURE_RUN } from './fixture-run.ts';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'grpcconf-report-'));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('renderReports', () => {
  it('writes every report into a directory it creates and returns their paths', async () => {
    const dir = join(await tempDir(), 'nested', 'reports');
    const written = await renderReports(FIXTURE_RUN, dir);
    expect(written.map((p) => basename(p))).toEqual(['conformance-report.yaml', 'junit.xml', 'summary.md', 'report.html', 'results.json']);
    expect(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'))).toEqual(FIXTURE_RUN);
  });

  it('appends the Markdown summary to GITHUB_STEP_SUMMARY only when the caller passes it', async () => {
    const dir = await tempDir();
    const stepSummary = join(dir, 'step-summary.md');
    await writeFile(stepSummary, 'earlier step\n');
    await renderReports(FIXTURE_RUN, join(dir, 'a'), { env: { GITHUB_STEP_SUMMARY: stepSummary } });
    expect(await readFile(stepSummary, 'utf8')).toBe(`earlier step\n${renderMarkdownSummary(FIXTURE_RUN)}\n`);
    await renderReports(FIXTURE_RUN, join(dir, 'b'), { env: {} });
    await renderReports(FIXTURE_RUN, join(dir, 'c'));
    expect(await readFile(stepSummary, 'utf8')).toBe(`earlier step\n${renderMarkdownSummary(FIXTURE_RUN)}\n`);
  });
});

describe('summary.md', () => {
  const md = renderMarkdownSummary(FIXTURE_RUN);

  it('heads with the totals and has the feature, level and test tables', () => {
    expect(md.split('\n')[0]).toBe('# GRPCRoute conformance: 3 passed, 1 failed, 3 skipped');
    expect(md).toContain('| core | 1 | 1 | 1 |');
    expect(md).toContain('| `GatewayPort8080` | extended | yes | 1 | 0 | 0 |');
    expect(md).toContain('| ⏭️ GRPCRouteWeight | core | skipped | 0 |  | 80 | skipped by --skip-tests |');
  });

  it('shows each failure with expected vs observed and the route status in <details>', () => {
    const failures = md.slice(md.indexOf('## Failures'));
    expect(failures).toContain('### ❌ GRPCRouteHeaderMatching');
    expect(failures).toContain('| version=two &amp; env=&lt;canary&gt; | {"backend":"grpc-infra-backend-v2","code":"OK"} |');
    expect(failures).toMatch(/<details><summary>[^<]*<\/summary>\n\n```yaml\n[\s\S]*reason: BackendNotFound[\s\S]*```\n\n<\/details>/);
  });

  it('lets no raw HTML, pipe or ANSI from results through into tables', () => {
    expect(md).not.toContain('</script>');
    expect(md).not.toContain('\u001b');
    expect(md).toContain('no healthy upstream \\| ');
  });

  it('has no Failures section when nothing failed', () => {
    const md = renderMarkdownSummary({ ...FIXTURE_RUN, tests: FIXTURE_RUN.tests.filter((t) => t.outcome !== 'failed') });
    expect(md).not.toContain('## Failures');
  });
});
