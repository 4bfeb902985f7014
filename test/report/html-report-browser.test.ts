import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../harness/report/html-report.ts';
import { FIXTURE_RUN } from './fixture-run.ts';
import { CHROMIUM, chromiumAvailable, dumpDom, screenshot } from './headless-chromium.ts';

// Without Chromium these are skipped, not failed: README's set-up runs scripts/install-chromium.sh.
describe.skipIf(!chromiumAvailable())(`report.html in headless Chromium (${CHROMIUM})`, () => {
  let dir = '';
  let file = '';
  let dom = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grpcconf-html-'));
    file = join(dir, 'report.html');
    await writeFile(file, renderHtmlReport(FIXTURE_RUN));
    dom = await dumpDom(file);
  }, 60_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const element = (pattern: RegExp): string => {
    const match = pattern.exec(dom);
    expect(match, `no match for ${pattern} in the dumped DOM`).not.toBeNull();
    return match![0];
  };

  it('ran its script from file:// (no network needed)', () => {
    expect(element(/<html[^>]*>/)).toContain('data-ready="true"');
    expect(element(/<span id="filter-status">[^<]*<\/span>/)).toContain('Showing 7 of 7 tests');
  });

  it('shows the feature matrix with counts per level and per feature', () => {
    const matrix = element(/<section id="feature-matrix">[\s\S]*?<\/section>/);
    expect(matrix).toMatch(/<tr data-level="core"><th scope="row">core<\/th><td class="count passed" data-count="1">1<\/td><td class="count failed" data-count="1">1<\/td><td class="count skipped" data-count="1">1<\/td><\/tr>/);
    expect(matrix).toMatch(/<tr data-feature="GatewayPort8080"[^>]*>.*<td class="count passed" data-count="1">1<\/td>/);
  });

  it('opens the failed test and shows its expected vs observed and diagnostics', () => {
    const failed = element(/<details class="test" id="test-GRPCRouteHeaderMatching"[^>]*>[\s\S]*?<\/details>/);
    expect(failed).toMatch(/^<details[^>]*\sopen=""/);
    expect(failed).toContain('<tr class="case failed" data-case="version=two &amp; env=&lt;canary&gt;"');
    expect(failed).toContain('"backend": "grpc-infra-backend-v2"');
    expect(failed).toContain('"code": "UNAVAILABLE"');
    expect(failed).toContain('reason: BackendNotFound');
    expect(failed).toContain('<li class="spec-ref" data-spec="29"><strong>#29</strong>');
    // Result text is data: the <b> in the observed value must stay text, not become markup.
    expect(failed).toContain('&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
  });

  it('leaves passed tests closed and marks skips', () => {
    expect(element(/<details class="test" id="test-GRPCExactMethodMatching"[^>]*>/)).not.toContain('open');
    expect(element(/<details class="test" id="test-GRPCRouteWeight"[^>]*>/)).toContain('data-column="skipped"');
  });

  it('draws the timeline with converged parts', () => {
    expect(element(/<section id="timeline">[\s\S]*?<\/section>/)).toContain('data-converged-ms="850"');
  });

  it('renders to a screenshot', async () => {
    const png = join(dir, 'report.png');
    await screenshot(file, png);
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 2400]);
    expect(bytes.length).toBeGreaterThan(50_000);
  }, 60_000);
});
