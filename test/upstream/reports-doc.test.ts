import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTestsInReleases } from '../../harness/cli/list-command.ts';
import { profilesFor } from '../../harness/features/profiles.ts';
import { UPSTREAM_RELEASES } from '../../harness/features/upstream-releases.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';

const DOC = readFileSync(new URL('../../docs/reports.md', import.meta.url), 'utf8');

/** The `- **LABEL** (N): a, b, c` lines under `#### vX.Y.x`, as label → { count, names }. */
function documented(line: string): Map<string, { count: number; names: string[] }> {
  const section = DOC.split(/^#### /m).find((s) => s.startsWith(`${line}.x`)) ?? '';
  const entries = [...section.matchAll(/^- \*\*(.+?)\*\* \((\d+)[^)]*\): (.*)$/gm)].map(
    (m) => [m[1]!, { count: Number(m[2]), names: m[3] === 'none' ? [] : m[3]!.split(', ') }] as const,
  );
  return new Map(entries);
}

describe('docs/reports.md says what each profile holds, per release', () => {
  it.each(UPSTREAM_RELEASES.map((r) => [r.line, r.readFrom] as const))('%s', (line, version) => {
    const doc = documented(line);
    const [gatewayGrpc, extra] = profilesFor(version);
    const listed = listTestsInReleases(CONFORMANCE_TESTS, version);
    const core = new Set(gatewayGrpc!.core);
    const held = listed.filter((t) => gatewayGrpc!.holds(t.name));
    const isCore = (features: readonly string[]) => features.every((f) => core.has(f));
    const sorted = (names: string[]) => [...names].sort();

    expect(sorted(doc.get('GATEWAY-GRPC core')!.names)).toEqual(sorted(held.filter((t) => isCore(t.features)).map((t) => t.name)));
    expect(sorted(doc.get('GATEWAY-GRPC extended')!.names)).toEqual(sorted(held.filter((t) => !isCore(t.features)).map((t) => t.name)));
    expect(sorted(doc.get('GATEWAY-GRPC extended features')!.names)).toEqual(sorted([...gatewayGrpc!.extended]));
    expect(doc.get('GRPCROUTE-CONFORMANCE-EXTRA')!.count).toBe(listed.length - held.length);
    expect(doc.get('GRPCROUTE-CONFORMANCE-EXTRA extended features')!.names).toEqual(extra!.extended);
    for (const [label, entry] of doc) if (entry.names.length > 0 && !['GRPCROUTE-CONFORMANCE-EXTRA', 'absent'].includes(label)) expect(entry.names.length, label).toBe(entry.count);
    expect(DOC).toContain(`(${listed.length} tests in all)`);
  });
});
