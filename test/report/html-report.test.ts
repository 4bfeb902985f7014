import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../harness/report/html-report.ts';
import { FIXTURE_RUN } from './fixture-run.ts';

describe('report.html as text', () => {
  const html = renderHtmlReport(FIXTURE_RUN);

  it('is one self-contained file: nothing loaded from anywhere', () => {
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('has the stable hooks tests and people link to', () => {
    expect(html).toContain('<section id="feature-matrix">');
    expect(html).toContain('<section id="timeline">');
    expect(html).toContain('data-test="GRPCRouteHeaderMatching"');
    expect(html).toContain('id="test-GRPCRouteHeaderMatching"');
  });

  it('escapes result text and has exactly one script element', () => {
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('\u0007');
  });

  it('names the spec statements a test checks, in words', () => {
    expect(html).toContain('<li class="spec-ref" data-spec="80"><strong>#80</strong> <span class="keyword">MUST</span> traffic splits in proportion to weights');
  });
});
