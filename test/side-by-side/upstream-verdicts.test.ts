import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../scripts/side-by-side/table.ts';
import { upstreamVerdicts } from '../../scripts/side-by-side/upstream-suite.ts';

const LOG = `=== RUN   TestConformance
--- FAIL: TestConformance (16.48s)
    --- PASS: TestConformance/GRPCExactMethodMatching (0.16s)
        --- PASS: TestConformance/GRPCExactMethodMatching/0_request_to_'/x'_should_go_to_v1 (0.11s)
    --- SKIP: TestConformance/HTTPRouteSimpleSameNamespace (0.00s)
    --- FAIL: TestConformance/GatewayInvalidParametersRef (180.16s)
`;

describe('side-by-side', () => {
  it("reads each top-level upstream test's verdict and duration from go test -v, not its subtests", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'side-by-side-'));
    try {
      await writeFile(join(dir, 'upstream.log'), LOG);
      const verdicts = await upstreamVerdicts(join(dir, 'upstream.log'));
      expect([...verdicts]).toEqual([
        ['GRPCExactMethodMatching', { verdict: 'PASS', seconds: 0.16 }],
        ['HTTPRouteSimpleSameNamespace', { verdict: 'SKIP', seconds: 0 }],
        ['GatewayInvalidParametersRef', { verdict: 'FAIL', seconds: 180.16 }],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('renders one row per test upstream ran, and the ratio ours / upstream of the same-tests wall times', () => {
    const run = { exitCode: 0, logPath: '' };
    const table = renderTable([
      {
        record: { gateway: 'reference', features: [], ourTests: ['A'], upstream: { ...run, wallSeconds: 30 }, upstreamSameTests: { ...run, wallSeconds: 10 }, ours: { ...run, wallSeconds: 25 } },
        upstream: new Map([['A', { verdict: 'PASS', seconds: 1 }], ['B', { verdict: 'FAIL', seconds: 2 }], ['C', { verdict: 'SKIP', seconds: 0 }]]),
        upstreamSameTests: new Map([['A', { verdict: 'PASS', seconds: 1 }]]),
        ours: new Map([['A', { outcome: 'failed', seconds: 4 }]]),
      },
    ]);
    expect(table).toContain('| A | PASS | FAIL | 1.00 | 4.00 |');
    expect(table).toContain('| B | FAIL | no such test | 2.00 | – |');
    expect(table).not.toContain('| C |');
    const second = renderTable([
      {
        record: { gateway: 'other', features: [], ourTests: [], upstream: { ...run, wallSeconds: 1 }, upstreamSameTests: undefined, ours: undefined },
        upstream: new Map([['D', { verdict: 'SKIP', seconds: 0 }]]),
        upstreamSameTests: new Map(),
        ours: new Map(),
      },
      {
        record: { gateway: 'reference', features: [], ourTests: ['D'], upstream: { ...run, wallSeconds: 1 }, upstreamSameTests: undefined, ours: undefined },
        upstream: new Map([['D', { verdict: 'PASS', seconds: 1 }]]),
        upstreamSameTests: new Map(),
        ours: new Map([['D', { outcome: 'passed', seconds: 1 }]]),
      },
    ]);
    expect(second).toContain('| D | SKIP | not run | 0.00 | – | PASS | PASS | 1.00 | 1.00 |');
    expect(table).toContain('| reference | 1 | 10.00 | 25.00 | 2.50 | 1.00 | 4.00 |');
  });
});
