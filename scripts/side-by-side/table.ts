import type { OurVerdict } from './our-suite.ts';
import type { RunRecord } from './run-record.ts';
import type { UpstreamVerdict } from './upstream-suite.ts';

/** One gateway's verdicts and timings, read back from its folder. */
export interface GatewayResults {
  readonly record: RunRecord;
  readonly upstream: ReadonlyMap<string, UpstreamVerdict>;
  readonly upstreamSameTests: ReadonlyMap<string, UpstreamVerdict>;
  readonly ours: ReadonlyMap<string, OurVerdict>;
}

const seconds = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(2));
const ratio = (ours: number | undefined, upstream: number | undefined): string => (ours === undefined || upstream === undefined || upstream === 0 ? '–' : (ours / upstream).toFixed(2));
const OUR_WORD: Record<OurVerdict['outcome'], string> = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP', notSupported: 'SKIP (not supported)', provisionalSkipped: 'SKIP (provisional)' };

/**
 * Markdown: one row per upstream-named test upstream ran on either gateway, with each suite's
 * verdict and the test's own duration; then the wall time of each whole run of the same tests
 * (setup, tests, cleanup) and upstream_ratio = ours / upstream.
 */
export function renderTable(results: readonly GatewayResults[]): string {
  const names = [...new Set(results.flatMap((r) => [...r.upstream].filter(([, v]) => v.verdict !== 'SKIP').map(([name]) => name)))];
  const header = ['test', ...results.flatMap((r) => [`${r.record.gateway} upstream`, `${r.record.gateway} ours`, `${r.record.gateway} upstream_s`, `${r.record.gateway} ours_s`])];
  const rows = names.map((name) => [
    name,
    ...results.flatMap((r) => {
      const up = r.upstream.get(name);
      const ours = r.ours.get(name);
      const timed = r.record.ourTests.includes(name);
      // Ours runs only what upstream ran on this gateway: a test upstream skipped here was not asked of ours.
      const absent = up === undefined || up.verdict === 'SKIP' ? 'not run' : 'no such test';
      return [up?.verdict ?? '–', ours && timed ? OUR_WORD[ours.outcome] : absent, seconds(up?.seconds), seconds(timed ? ours?.seconds : undefined)];
    }),
  ]);
  const walls = ['gateway', 'same tests', 'upstream_wall_s', 'ours_wall_s', 'upstream_ratio', 'Σ upstream test_s', 'Σ ours test_s'];
  const wallRows = results.map((r) => {
    const tests = r.record.ourTests;
    const sum = (map: ReadonlyMap<string, { seconds: number }>): number => tests.reduce((total, name) => total + (map.get(name)?.seconds ?? 0), 0);
    const upstreamWall = r.record.upstreamSameTests?.wallSeconds;
    const oursWall = r.record.ours?.wallSeconds;
    return [r.record.gateway, String(tests.length), seconds(upstreamWall), seconds(oursWall), ratio(oursWall, upstreamWall), seconds(sum(r.upstreamSameTests)), seconds(sum(r.ours))];
  });
  const table = (head: string[], body: string[][]): string => [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  return `${table(header, rows)}\n\n${table(walls, wallRows)}\n`;
}
