/** The report's whole stylesheet, inlined so the file works offline and from file://. */
export const HTML_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.totals span { display: inline-block; margin-right: 1rem; font-weight: 600; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; }
th { background: var(--bg-alt); }
td.count { text-align: right; font-variant-numeric: tabular-nums; min-width: 4.5rem; }
td.count.passed[data-count]:not([data-count="0"]) { color: var(--pass); font-weight: 600; }
td.count.failed[data-count]:not([data-count="0"]) { color: var(--fail); font-weight: 700; background: #ffebe9; }
td.count.skipped[data-count]:not([data-count="0"]) { color: var(--skip); }
tr.unsupported td:first-child { color: var(--muted); }
tr[data-feature] { cursor: pointer; }
tr[data-feature]:hover, tr.selected { background: #ddf4ff; }
.passed-text { color: var(--pass); } .failed-text { color: var(--fail); } .skipped-text { color: var(--skip); }
#filters { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
#filters button { font: inherit; border: 1px solid var(--line); background: var(--bg-alt); border-radius: 6px; padding: .2rem .7rem; cursor: pointer; }
#filters button[aria-pressed="true"] { background: #0969da; color: #fff; border-color: #0969da; }
#filter-status { color: var(--muted); margin-left: 1rem; }
details.test { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; margin: .5rem 0; padding: .25rem .75rem; }
details.test[data-column="passed"] { border-left-color: var(--pass); }
details.test[data-column="failed"] { border-left-color: var(--fail); }
details.test[data-column="skipped"] { border-left-color: var(--skip); }
details.test > summary { cursor: pointer; font-weight: 600; }
details.test > summary .outcome { font-weight: 400; margin-left: .5rem; }
.description { color: var(--muted); }
pre { background: var(--bg-alt); border: 1px solid var(--line); border-radius: 6px; padding: .5rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: .25rem 0; }
table.cases td pre { margin: 0; border: 0; padding: 0; background: transparent; }
tr.case.failed { background: #fff5f5; }
ul.spec-refs { margin: .25rem 0; padding-left: 1.2rem; }
.keyword { font-weight: 600; font-size: .8rem; color: var(--muted); }
.timeline-row { display: grid; grid-template-columns: 22rem 1fr 6rem; gap: .5rem; align-items: center; margin: 2px 0; }
.timeline-row.case { font-size: .85rem; color: var(--muted); }
.timeline-row.case .label { padding-left: 1.2rem; }
.label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track { background: var(--bg-alt); height: 12px; border-radius: 3px; position: relative; }
.bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; background: #8c959f; }
.bar.passed { background: #4ac26b; } .bar.failed { background: #ff8182; }
.bar.converged { background: #0969da; opacity: .55; }
.ms { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.legend span { margin-right: 1rem; }
.legend i { display: inline-block; width: 1rem; height: .7rem; margin-right: .3rem; border-radius: 2px; vertical-align: middle; }
[hidden] { display: none !important; }
`;
