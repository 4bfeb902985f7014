import { formatDuration } from '../config/duration.ts';
import type { CaseResult, TestResult } from '../runner/results.ts';
import { formatCaseValue } from './case-value.ts';
import { diagnosticsYaml } from './diagnostics-yaml.ts';
import { testElementId } from './html-ids.ts';
import { escapeMarkup as e } from './markup-escape.ts';
import { notRunReason, outcomeColumn, outcomeLabel } from './outcome-words.ts';
import { specStatement } from './spec-statements.ts';

const pre = (value: unknown): string => {
  const text = formatCaseValue(value, { pretty: true });
  return text ? `<pre>${e(text)}</pre>` : '';
};

function caseRow(c: CaseResult): string {
  const timing = [`${c.durationMs}ms`, c.attempts === undefined ? '' : `${c.attempts} attempts`,
    c.convergedAfterMs === undefined ? '' : `converged after ${c.convergedAfterMs}ms`].filter(Boolean).join(', ');
  return `<tr class="case ${c.outcome}" data-case="${e(c.name)}" data-outcome="${c.outcome}"><td>${e(c.name)}</td><td class="${c.outcome}-text">${c.outcome}</td><td>${e(timing)}</td><td class="expected">${pre(c.expected)}</td><td class="observed">${pre(c.observed)}${c.error ? `<pre class="error">${e(c.error)}</pre>` : ''}</td></tr>`;
}

function specList(refs: readonly number[]): string {
  if (refs.length === 0) return '';
  const items = [...refs].sort((a, b) => a - b).map((n) => {
    const s = specStatement(n);
    const text = s ? `<span class="keyword">${e(s.keyword)}</span> ${e(s.title)} <span class="description">(${e(s.area)})</span>` : 'not in the checklist';
    return `<li class="spec-ref" data-spec="${n}"><strong>#${n}</strong> ${text}</li>`;
  });
  return `<h4>Spec statements checked</h4><ul class="spec-refs">${items.join('')}</ul>`;
}

/** One test's collapsible section: facts, cases with expected vs observed, spec statements, diagnostics. */
export function htmlTestSection(test: TestResult): string {
  const column = outcomeColumn(test.outcome);
  const facts = [`level ${e(test.level)}`, `features ${test.features.map((f) => `<code>${e(f)}</code>`).join(', ')}`,
    test.provisional ? 'provisional' : '', column === 'skipped' ? '' : formatDuration(test.durationMs)].filter(Boolean).join(' · ');
  const parts = [
    `<p class="description">${e(test.description)}</p>`,
    `<p>${facts}</p>`,
    test.reason ? `<p class="reason">${e(outcomeLabel(test.outcome))}: ${e(notRunReason(test))}</p>` : '',
    test.error ? `<pre class="error">${e(test.error)}</pre>` : '',
    test.cases.length > 0
      ? `<table class="cases"><thead><tr><th>Case</th><th>Outcome</th><th>Timing</th><th>Expected</th><th>Observed</th></tr></thead><tbody>${test.cases.map(caseRow).join('\n')}</tbody></table>`
      : '',
    specList(test.specRefs),
    test.diagnostics ? `<h4>Diagnostics</h4><pre class="diagnostics">${e(diagnosticsYaml(test.diagnostics))}</pre>` : '',
  ].filter(Boolean);
  return `<details class="test" id="${testElementId(test.name)}" data-test="${e(test.name)}" data-outcome="${test.outcome}" data-column="${column}" data-features="${e(test.features.join(' '))}">
<summary>${e(test.name)}<span class="outcome ${column}-text">${e(outcomeLabel(test.outcome))}</span></summary>
${parts.join('\n')}
</details>`;
}
