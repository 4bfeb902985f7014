import type { LogLine } from './log-buffer.ts';

/**
 * A container log as pods/log returns it, honouring the query parameters the suite and kubectl
 * use (sinceTime, sinceSeconds, tailLines, timestamps). The embedded API server and the agent's
 * kubelet endpoint both answer with this.
 */
export function renderLogLines(lines: readonly LogLine[], query: URLSearchParams, now = Date.now()): string {
  let selected = [...lines];
  const since = query.get('sinceTime');
  if (since) selected = selected.filter((l) => l.time >= Date.parse(since));
  const sinceSeconds = query.get('sinceSeconds');
  if (sinceSeconds) selected = selected.filter((l) => l.time >= now - Number(sinceSeconds) * 1000);
  const tail = query.get('tailLines');
  if (tail !== null && Number(tail) >= 0) selected = Number(tail) === 0 ? [] : selected.slice(-Number(tail));
  const withTimestamps = query.get('timestamps') === 'true';
  return selected.map((l) => `${withTimestamps ? `${new Date(l.time).toISOString()} ` : ''}${l.text}\n`).join('');
}
