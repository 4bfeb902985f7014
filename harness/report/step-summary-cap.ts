/**
 * GitHub drops a job step's whole summary, with only an error annotation, once the step's
 * $GITHUB_STEP_SUMMARY file passes 1024k ("upload aborted, supports content up to a size of
 * 1024k"). A run with many failures carries status YAML and events for each, so it can get there.
 */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Left free for whatever the same step appends after the suite (the vendor's own lines). */
export const STEP_SUMMARY_HEADROOM_BYTES = 64 * 1024;

const NEWLINE = 0x0a;

function noteLine(keptBytes: number, fullSummary: string | undefined): string {
  const where = fullSummary ? `the full summary is ${fullSummary}, beside the other reports` : 'the full summary could not be saved (see the run log)';
  const what = keptBytes > 0 ? `Summary cut at ${Math.floor(keptBytes / 1024)} KiB` : 'Summary left out';
  return `**${what} to stay under GitHub's 1 MiB step-summary limit**; ${where}.\n`;
}

/**
 * What closes the blocks a kept prefix leaves open: a code fence (markdownCodeBlock closes one
 * with the same backticks alone on a line), then any <details> of a failure, so the cut note is
 * not swallowed by a collapsed section or rendered as code.
 */
function closers(lines: readonly string[]): string {
  let fence: string | undefined;
  let details = 0;
  for (const line of lines) {
    if (fence !== undefined) {
      if (line === fence) fence = undefined;
      continue;
    }
    fence = /^(`{3,})/.exec(line)?.[1];
    if (line.startsWith('<details>')) details += 1;
    else if (line === '</details>') details = Math.max(0, details - 1);
  }
  return [...(fence ? [fence] : []), ...Array<string>(details).fill('</details>')].map((line) => `${line}\n`).join('');
}

/**
 * What to append to a step summary that already holds `sizeBefore` bytes so the file stays under
 * GitHub's limit with headroom: `summary` itself when it fits, else its first whole lines, any
 * open code block and <details> closed, and a line saying where `fullSummary` (summary.md on
 * disk) is. Empty when not even that line fits.
 */
export function fitStepSummary(summary: string, sizeBefore: number, fullSummary: string | undefined): string {
  const budget = STEP_SUMMARY_LIMIT_BYTES - STEP_SUMMARY_HEADROOM_BYTES - sizeBefore;
  const bytes = Buffer.from(summary, 'utf8');
  if (bytes.length <= budget) return summary;

  // Room for the closers: a fence of a few backticks and one </details>, with their newlines.
  const reserve = Buffer.byteLength(`\n---\n\n${noteLine(bytes.length, fullSummary)}`) + 64;
  const alone = noteLine(0, fullSummary);
  const noteOnly = Buffer.byteLength(alone) <= budget ? alone : '';
  // A newline byte never occurs inside a multi-byte UTF-8 sequence, so cutting after one is safe.
  const cut = budget > reserve ? bytes.lastIndexOf(NEWLINE, budget - reserve - 1) : -1;
  if (cut < 0) return noteOnly;
  const kept = bytes.subarray(0, cut + 1).toString('utf8');
  const fitted = `${kept}${closers(kept.split('\n'))}\n---\n\n${noteLine(cut + 1, fullSummary)}`;
  // Only closers longer than the reserve (a very long fence) get here.
  return Buffer.byteLength(fitted) <= budget ? fitted : noteOnly;
}
