import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UPSTREAM_SINCE } from '../../harness/features/release.ts';
import { runCli } from '../../lib/run-cli.ts';

async function list(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(['list', ...argv], { env: {}, cwd: process.cwd(), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

interface Listed {
  readonly name: string;
  readonly upstreamSince?: string;
  readonly upstreamUntil?: string;
  readonly profiles: Record<string, string>;
}

const laterThanV16 = Object.keys(UPSTREAM_SINCE).filter((name) => UPSTREAM_SINCE[name] === 'v1.7.0');

describe('list --gateway-api-version (issue 13 point 5)', () => {
  it('--json for v1.6.1 lists no test of a later release and gives each test its v1.6 profile only', async () => {
    const result = await list(['--json', '--gateway-api-version', 'v1.6.1']);
    expect(result.code, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as Listed[];
    const names = listed.map((t) => t.name);
    for (const name of laterThanV16) expect(names).not.toContain(name);
    for (const test of listed) expect(Object.keys(test.profiles)).toEqual(['v1.6']);
    expect(listed.find((t) => t.name === 'GRPCRouteWeight')?.profiles).toEqual({ 'v1.6': 'GATEWAY-GRPC' });
    expect(listed.find((t) => t.name === 'GRPCRouteStreaming')?.profiles).toEqual({ 'v1.6': 'GRPCROUTE-CONFORMANCE-EXTRA' });
  });

  it('--json for v1.7.0 lists the v1.7 tests with their first release and profile', async () => {
    const listed = JSON.parse((await list(['--json', '--gateway-api-version', 'v1.7.0'])).stdout) as Listed[];
    expect(listed.find((t) => t.name === 'BackendTLSPolicyGRPCRoute')).toMatchObject({ upstreamSince: 'v1.7.0', profiles: { 'v1.7': 'GATEWAY-GRPC' } });
    expect(listed.find((t) => t.name === 'GRPCRouteMultipleGateways')).toMatchObject({ upstreamSince: 'v1.7.0', profiles: { 'v1.7': 'GATEWAY-GRPC' } });
    // Upstream renamed GatewayInfrastructure in v1.7.0: only v1.6 has the old name.
    expect(listed.map((t) => t.name)).not.toContain('GatewayInfrastructure');
    const v16 = JSON.parse((await list(['--json', '--gateway-api-version', 'v1.6.1'])).stdout) as Listed[];
    expect(v16.find((t) => t.name === 'GatewayInfrastructure')).toMatchObject({ upstreamUntil: 'v1.7.0', profiles: { 'v1.6': 'GATEWAY-GRPC' } });
    // Upstream puts GRPCRoute extended features in no profile, so upstream reports never count it.
    expect(listed.find((t) => t.name === 'GRPCRouteRequestHeaderModifier')).toMatchObject({ profiles: { 'v1.7': 'GRPCROUTE-CONFORMANCE-EXTRA' } });
  });

  it('the text form names the release, and per test its profile and first upstream release', async () => {
    const v16 = await list(['--gateway-api-version', 'v1.6.1']);
    const v17 = await list(['--gateway-api-version', 'v1.7.0']);
    expect(v16.stdout.split('\n')[0]).toMatch(/^Gateway API v1\.6\.1: \d+ tests$/);
    for (const name of laterThanV16) expect(v16.stdout).not.toMatch(new RegExp(`^${name} `, 'm'));
    expect(v17.stdout).toMatch(/^BackendTLSPolicyGRPCRoute +extended +GATEWAY-GRPC +since v1\.7\.0 +Gateway,GRPCRoute,BackendTLSPolicy$/m);
    const all = await list([]);
    expect(all.stdout).toMatch(/^GRPCRouteMultipleGateways +core +v1\.7:GATEWAY-GRPC +since v1\.7\.0 /m);
    expect(all.stdout).toMatch(/^GRPCRouteWeight +core +v1\.6:GATEWAY-GRPC v1\.7:GATEWAY-GRPC /m);
  });

  it('a version that is not a release exits 2 with one line', async () => {
    const result = await list(['--gateway-api-version', 'latest']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: --gateway-api-version: expected a release such as v1.7.0, got "latest"\n');
  });
});
