import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgv } from '../../harness/cli/parse-argv.ts';
import { resolveConfig } from '../../harness/cli/resolve-config.ts';
import { ALL_FEATURE_NAMES } from '../../harness/features/features.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function resolveWith(argv: string[], env: Record<string, string> = {}, knownTests?: string[]) {
  const args = parseArgv(argv);
  if (args.command !== 'run') throw new Error('expected run');
  return resolveConfig({ flags: args.flags, env, cwd: dir, ...(knownTests ? { knownTests } : {}), runId: 'rtest' });
}

describe('resolveConfig', () => {
  it('with nothing set: embedded cluster, reference class, features inferred, frozen', async () => {
    const config = await resolveWith([]);
    expect(config).toMatchObject({
      gatewayClass: 'grpcroute-reference',
      cluster: 'embedded',
      mode: 'default',
      keep: false,
      reportDir: join(dir, 'reports'),
      gatewayAddresses: {},
    dialMap: {},
      runId: 'rtest',
    });
    expect(config.supportedFeatures).toBeUndefined();
    expect(config.featureSource).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.timeouts)).toBe(true);
  });

  it('defaults < options file < env < flags', async () => {
    const file = join(dir, 'options.yaml');
    await writeFile(
      file,
      [
        'gatewayClass: from-file',
        'mode: file-mode',
        'reportDir: file-reports',
        'keep: true',
        'timeouts: { maxTimeToConsistency: 40s, pollInterval: 200ms }',
        'gatewayAddress: { same-namespace: "127.0.0.1:9000" }',
        'skipTests: [A, B]',
      ].join('\n'),
    );
    const config = await resolveWith(
      ['--options-file', file, '--gateway-class=from-flag', '--timeouts', 'pollInterval=300ms'],
      { GRPCCONF_GATEWAY_CLASS: 'from-env', GRPCCONF_MODE: 'env-mode', GRPCCONF_TIMEOUTS: 'maxTimeToConsistency=50s' },
    );
    expect(config.gatewayClass).toBe('from-flag');
    expect(config.mode).toBe('env-mode');
    expect(config.reportDir).toBe(join(dir, 'file-reports'));
    expect(config.keep).toBe(true);
    expect(config.timeouts.maxTimeToConsistency).toBe(50_000);
    expect(config.timeouts.pollInterval).toBe(300);
    expect(config.timeouts.requiredConsecutiveSuccesses).toBe(3);
    expect(config.skipTests).toEqual(['A', 'B']);
    expect(config.gatewayAddresses).toEqual({ 'grpc-conformance-infra/same-namespace': '127.0.0.1:9000' });
    expect(config.optionsFile).toBe(file);
  });

  it('a flag set to its default still overrides the file', async () => {
    const file = join(dir, 'keep.yaml');
    await writeFile(file, 'keep: true\ngatewayClass: other\n');
    const config = await resolveWith(['--options-file', file, '--keep=false', '--gateway-class', 'grpcroute-reference']);
    expect(config.keep).toBe(false);
    expect(config.gatewayClass).toBe('grpcroute-reference');
  });

  it('--all-features minus exempt, with the source recorded', async () => {
    const config = await resolveWith(['--all-features', '--exempt-features', 'GRPCRouteRequestMirror']);
    expect(config.featureSource).toBe('all');
    // Every upstream name of every release line we hold facts for, and ours: what upstream's AllFeatures is to it.
    expect(config.supportedFeatures).toHaveLength(ALL_FEATURE_NAMES.length - 1);
    expect(config.supportedFeatures).not.toContain('GRPCRouteRequestMirror');
  });

  it('manual features plus the core features of selected profiles', async () => {
    const config = await resolveWith(['--supported-features', 'GatewayPort8080', '--conformance-profiles', 'GATEWAY-GRPC']);
    expect(config.featureSource).toBe('manual');
    expect(config.supportedFeatures).toEqual(['Gateway', 'GRPCRoute', 'ReferenceGrant', 'GatewayPort8080']);
  });

  it('repeatable gateway addresses accumulate; ns/name keys stay as given', async () => {
    const config = await resolveWith(['--gateway-address', 'a=127.0.0.1:1', '--gateway-address', 'ns1/b=[::1]:2']);
    expect(config.gatewayAddresses).toEqual({ 'grpc-conformance-infra/a': '127.0.0.1:1', 'ns1/b': '[::1]:2' });
  });

  it('--low-port-offset is a bounded whole number', async () => {
    expect((await resolveWith(['--low-port-offset', '10000'])).lowPortOffset).toBe(10_000);
    expect((await resolveWith([])).lowPortOffset).toBeUndefined();
    await expect(resolveWith(['--low-port-offset', '-1'])).rejects.toThrow(/--low-port-offset: expected a whole number/);
  });

  it('implementation metadata is kept for reports', async () => {
    const config = await resolveWith(['--organization', 'acme', '--contact', 'a@acme.dev,b@acme.dev']);
    expect(config.implementation).toEqual({ organization: 'acme', project: '', url: '', version: '', contact: ['a@acme.dev', 'b@acme.dev'] });
  });

  it.each([
    [['--run-test', 'GRPCRouteHeaderMatchin'], /--run-test: unknown test "GRPCRouteHeaderMatchin" \(did you mean GRPCRouteHeaderMatching\?\)/],
    [['--quiet', '--verbose'], /exclude each other/],
    [['--all-features', '--supported-features', 'Gateway'], /exclude each other/],
    [['--cluster', 'kind'], /--cluster=kind creates an empty cluster: pass --install-command or --install-manifests/],
  ])('refuses %j', async (argv, message) => {
    await expect(resolveWith(argv, {}, ['GRPCRouteHeaderMatching'])).rejects.toThrow(message);
  });

  it.each([
    [{ GRPCCONF_GATEWAY_CLAS: 'x' }, /unknown environment variable GRPCCONF_GATEWAY_CLAS \(did you mean GRPCCONF_GATEWAY_CLASS\?\)/],
    [{ GRPCCONF_KEEP: 'maybe' }, /GRPCCONF_KEEP: expected true or false/],
    [{ GRPCCONF_TIMEOUTS: 'nope=1s' }, /GRPCCONF_TIMEOUTS: unknown timeout "nope"/],
  ])('refuses env %j', async (env, message) => {
    await expect(resolveWith([], env)).rejects.toThrow(message);
  });

  it.each([
    ['gatewayClas: x\n', /unknown key "gatewayClas" \(did you mean gatewayClass\?\)/],
    ['gatewayClass: [unclosed\n', /is not valid YAML/],
    ['- a\n- b\n', /must be a YAML mapping/],
    ['timeouts: { test: 5 }\n', /timeouts: timeout test: bad duration "5"/],
  ])('refuses options file %j', async (text, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, text);
    await expect(resolveWith(['--options-file', file])).rejects.toThrow(message);
  });

  it('a missing options file is a clear error', async () => {
    await expect(resolveWith(['--options-file', 'nope.yaml'])).rejects.toThrow(/cannot read options file .*nope.yaml/);
  });
});
