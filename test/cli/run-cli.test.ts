import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/run-cli.ts';
import { listTests } from '../../harness/cli/list-command.ts';
import { defineConformanceTest } from '../../harness/runner/conformance-test.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

async function cli(argv: string[], env: Record<string, string> = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, { env, cwd: dir, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runCli', () => {
  it.each([
    [['--timeouts', 'maxTimeToConsistency=soon'], /^error: --timeouts: timeout maxTimeToConsistency: bad duration "soon"/],
    [['--supported-features', 'GRPCRout'], /^error: --supported-features: unknown feature "GRPCRout" \(did you mean GRPCRoute\?\)/],
    [['--cluster', 'kind'], /^error: --cluster=kind creates an empty cluster/],
    [['--run-test', 'NoSuchTest'], /^error: --run-test: unknown test "NoSuchTest"/],
  ])('%j exits 2 with one line and creates nothing', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(await readdir(dir)).not.toContain('reports');
  });

  it('a broken options file or env value is bad input too', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'keep: [\n');
    const fromFile = await cli(['--options-file', file]);
    const fromEnv = await cli([], { GRPCCONF_CLUSTER: 'cloud' });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/^error: options file .*broken.yaml is not valid YAML/);
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/^error: GRPCCONF_CLUSTER: unknown value "cloud"/);
  });

  it('--help prints the generated table and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--gateway-class NAME');
    expect(result.stdout).toContain('GRPCCONF_TIMEOUTS');
  });
});

describe('listTests', () => {
  it('derives the level from the most optional feature', () => {
    const body = async () => {};
    const tests = [
      defineConformanceTest({ name: 'A', description: 'a', features: ['Gateway', 'GRPCRoute'], manifests: [], specRefs: [1], run: body }),
      defineConformanceTest({ name: 'B', description: 'b', features: ['GRPCRoute', 'GRPCRouteRequestMirror'], manifests: [], specRefs: [], run: body }),
      defineConformanceTest({ name: 'C', description: 'c', features: ['GRPCRouteHeaderRegexMatch', 'GatewayPort8080'], manifests: [], specRefs: [], provisional: true, run: body }),
    ];
    expect(listTests(tests)).toEqual([
      { name: 'A', description: 'a', features: ['Gateway', 'GRPCRoute'], level: 'core', provisional: false, specRefs: [1] },
      { name: 'B', description: 'b', features: ['GRPCRoute', 'GRPCRouteRequestMirror'], level: 'extended', provisional: false, specRefs: [] },
      { name: 'C', description: 'c', features: ['GRPCRouteHeaderRegexMatch', 'GatewayPort8080'], level: 'implementation-specific', provisional: true, specRefs: [] },
    ]);
  });
});
