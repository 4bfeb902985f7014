import type { RunResult } from '../runner/results.ts';
import { featureRows, levelRows, type Tally } from './feature-tally.ts';
import { escapeMarkup as e } from './markup-escape.ts';

const countCells = (t: Tally): string =>
  (['passed', 'failed', 'skipped'] as const).map((k) => `<td class="count ${k}" data-count="${t[k]}">${t[k]}</td>`).join('');

const HEAD = '<th>Passed</th><th>Failed</th><th>Skipped</th>';

/** #feature-matrix: test levels × outcome, then each feature × outcome (click a row to filter). */
export function htmlFeatureMatrix(run: RunResult): string {
  const levels = levelRows(run)
    .map((r) => `<tr data-level="${e(r.level)}"><th scope="row">${e(r.level)}</th>${countCells(r)}</tr>`)
    .join('\n');
  const features = featureRows(run)
    .map((r) => {
      const supported = r.supported ? 'yes' : 'no';
      return `<tr data-feature="${e(r.feature)}" data-level="${e(r.level)}" class="${r.supported ? 'supported' : 'unsupported'}"><td><code>${e(r.feature)}</code></td><td>${e(r.level)}</td><td>${supported}</td>${countCells(r)}</tr>`;
    })
    .join('\n');
  return `<section id="feature-matrix">
<h2>Feature matrix</h2>
<table id="level-matrix"><thead><tr><th>Test level</th>${HEAD}</tr></thead><tbody>
${levels}
</tbody></table>
<p class="description">Tests needing each feature; a test needing several features counts in each row. Click a row to show only its tests.</p>
<table id="feature-table"><thead><tr><th>Feature</th><th>Level</th><th>Supported</th>${HEAD}</tr></thead><tbody>
${features}
</tbody></table>
</section>`;
}
