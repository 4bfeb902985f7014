import { formatDuration } from '../config/duration.ts';
import type { RunResult, TestResult } from '../runner/results.ts';
import { testElementId } from './html-ids.ts';
import { escapeMarkup as e } from './markup-escape.ts';
import { sortedTests } from './sorted-tests.ts';

const percent = (ms: number, scale: number): string => `${scale > 0 ? Math.min(100, (ms / scale) * 100).toFixed(2) : '0'}%`;

function testRows(test: TestResult, scale: number): string {
  const head = `<div class="timeline-row test" data-test="${e(test.name)}" data-duration-ms="${test.durationMs}">
<a class="label" href="#${testElementId(test.name)}">${e(test.name)}</a>
<div class="track"><div class="bar ${test.outcome}" style="width:${percent(test.durationMs, scale)}"></div></div>
<span class="ms">${formatDuration(test.durationMs)}</span></div>`;
  const cases = test.cases.map((c) => {
    const converged = c.convergedAfterMs === undefined ? '' :
      `<div class="bar converged" style="width:${percent(c.convergedAfterMs, scale)}" title="first good answer after ${c.convergedAfterMs}ms"></div>`;
    const attempts = c.attempts === undefined ? '' : `, ${c.attempts} attempts`;
    return `<div class="timeline-row case" data-case="${e(c.name)}" data-duration-ms="${c.durationMs}"${c.convergedAfterMs === undefined ? '' : ` data-converged-ms="${c.convergedAfterMs}"`}>
<span class="label" title="${e(c.name)}">${e(c.name)}</span>
<div class="track" title="${e(`${c.durationMs}ms${attempts}`)}"><div class="bar ${c.outcome}" style="width:${percent(c.durationMs, scale)}"></div>${converged}</div>
<span class="ms">${formatDuration(c.durationMs)}</span></div>`;
  });
  return [head, ...cases].join('\n');
}

/**
 * #timeline: how long each test and case waited, on one scale; the blue part of a case is the
 * time until its first good answer (convergedAfterMs), the rest confirms it held.
 */
export function htmlTimeline(run: RunResult): string {
  const ran = sortedTests(run).filter((t) => t.outcome === 'passed' || t.outcome === 'failed');
  const scale = Math.max(0, ...ran.map((t) => t.durationMs), ...ran.flatMap((t) => t.cases.map((c) => c.durationMs)));
  return `<section id="timeline">
<h2>Time to converge</h2>
<p class="legend"><span><i style="background:#0969da;opacity:.55"></i>until the first good answer</span><span><i style="background:#4ac26b"></i>passed</span><span><i style="background:#ff8182"></i>failed</span> Longest: ${formatDuration(scale)}.</p>
${ran.map((t) => testRows(t, scale)).join('\n')}
</section>`;
}
