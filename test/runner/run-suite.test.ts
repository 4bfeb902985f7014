import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HarnessError, InterruptedError } from '../../harness/errors.ts';
import { createRunLog } from '../../harness/log.ts';
import type { RunResult } from '../../harness/runner/results.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';
import { FAKE_FACTS, fakeConfig } from './fake-deps.ts';
import { NEVER_REGISTERED, SAMPLE_TESTS } from './fixtures/sample-tests.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function output() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

const facts = { ...FAKE_FACTS, supportedFeatures: FAKE_FACTS.supportedFeatures.filter((f) => f !== 'GRPCRouteRequestMirror') };

describe('runSuite (real Vitest, fake cluster)', () => {
  it('runs the adapter, collects every result, writes reports and ends with the totals line', async () => {
    const reportDir = join(dir, 'reports');
    const teardowns: string[] = [];
    const out = output();
    const outcome = await runSuite({
      config: fakeConfig({ reportDir, organization: 'acme', contact: ['x@acme.dev'] }),
      tests: [...SAMPLE_TESTS, NEVER_REGISTERED],
      prepare: async () => ({ facts, teardown: async () => void teardowns.push('teardown') }),
      log: createRunLog({ quiet: true, verbose: false }, () => {}),
      out: out.stream,
      ci: true,
      testFile: 'test/runner/fixtures/sample-adapter.conformance.ts',
    });

    expect(outcome.exitCode).toBe(1);
    expect(teardowns).toEqual(['teardown']);
    const byName = new Map(outcome.run.tests.map((t) => [t.name, t]));
    expect(byName.get('SamplePasses')).toMatchObject({ outcome: 'passed', cases: [{ name: 'first' }, { name: 'second' }] });
    expect(byName.get('SampleFails')).toMatchObject({ outcome: 'failed', error: 'expected grpc-infra-backend-v1, got grpc-infra-backend-v2' });
    expect(byName.get('SampleNeedsMirror')).toMatchObject({ outcome: 'notSupported', missingFeatures: ['GRPCRouteRequestMirror'] });
    expect(byName.get('SampleNeverRuns')).toMatchObject({ outcome: 'skipped', reason: 'not run' });

    const lines = out.text().trimEnd().split('\n');
    expect(lines.at(-1)).toBe('1 passed, 1 failed, 2 skipped');
    expect(lines[0]).toMatch(/^✓ SamplePasses \(2 cases, /);

    const json = JSON.parse(await readFile(join(reportDir, 'results.json'), 'utf8')) as RunResult;
    expect(json.tests.map((t) => t.outcome)).toEqual(['passed', 'failed', 'notSupported', 'skipped']);
    const report = parse(await readFile(join(reportDir, 'conformance-report.yaml'), 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'ConformanceReport', mode: 'default' });
    expect(report.implementation).toMatchObject({ organization: 'acme', contact: ['x@acme.dev'] });
  });

  it('an interrupted run tears down, records every test as not run and exits 130', async () => {
    const controller = new AbortController();
    controller.abort(new InterruptedError('SIGINT'));
    const teardowns: string[] = [];
    const out = output();
    const outcome = await runSuite({
      config: fakeConfig({ reportDir: join(dir, 'interrupted') }),
      tests: SAMPLE_TESTS,
      prepare: async () => ({ facts, teardown: async () => void teardowns.push('teardown') }),
      log: createRunLog({ quiet: true, verbose: false }, () => {}),
      out: out.stream,
      ci: true,
      signal: controller.signal,
    });
    expect(outcome.exitCode).toBe(130);
    expect(teardowns).toEqual(['teardown']);
    expect(outcome.run.tests.every((t) => t.outcome === 'skipped' && t.reason === 'not run: interrupted by SIGINT')).toBe(true);
    expect(out.text().trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed, 3 skipped');
  });

  it('a setup failure is a HarnessError with exit code 2', async () => {
    const failing = runSuite({
      config: fakeConfig({ reportDir: join(dir, 'never') }),
      tests: SAMPLE_TESTS,
      prepare: async () => {
        throw new Error('API server unreachable');
      },
      log: createRunLog({ quiet: true, verbose: false }, () => {}),
      out: output().stream,
      ci: true,
    });
    await expect(failing).rejects.toBeInstanceOf(HarnessError);
    await expect(failing).rejects.toMatchObject({ exitCode: 2, message: 'setup failed: API server unreachable' });
  });
});
