import type { StaticAddresses } from '../../harness/config/types.ts';
import { staticAddressFlags } from './static-address-flags.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_CACHE_BIN } from '../../harness/cluster/control-plane/binaries.ts';
import type { ChildRun } from './child-run.ts';
import { runChild } from './child-run.ts';
import type { SideBySideGateway } from './gateways.ts';

export const UPSTREAM_BINARY = join(BUILD_CACHE_BIN, 'gwapi-conformance.test');

/** One upstream test as `go test -v` reported it. */
export interface UpstreamVerdict {
  readonly verdict: 'PASS' | 'FAIL' | 'SKIP';
  readonly seconds: number;
}

/**
 * Upstream's GATEWAY-GRPC profile, the way its authors run it: the whole TestConformance
 * (never a -test.run subtest filter, which upstream records as SUCCEEDED), features declared.
 * `skipTests` (upstream's own --skip-tests) narrows a second run to the tests both suites have,
 * for a wall time of the same tests.
 */
export function runUpstreamSuite(
  gateway: SideBySideGateway,
  features: readonly string[],
  kubeconfig: string,
  output: { dir: string; name: string; skipTests?: readonly string[] },
  signal: AbortSignal,
  staticAddresses?: StaticAddresses,
): Promise<ChildRun> {
  const { organization, project, url, version, contact } = gateway.implementation;
  return runChild(
    UPSTREAM_BINARY,
    [
      '-test.run=^TestConformance$',
      '-test.v',
      '-test.timeout=30m',
      `--gateway-class=${gateway.gatewayClass}`,
      `--supported-features=${features.join(',')}`,
      '--conformance-profiles=GATEWAY-GRPC',
      `--report-output=${join(output.dir, `${output.name}-report.yaml`)}`,
      ...(output.skipTests?.length ? [`--skip-tests=${output.skipTests.join(',')}`] : []),
      `--organization=${organization}`,
      `--project=${project}`,
      `--url=${url}`,
      `--version=${version}`,
      `--contact=${contact}`,
      ...staticAddressFlags(staticAddresses),
    ],
    { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', KUBECONFIG: kubeconfig }, logPath: join(output.dir, `${output.name}.log`), signal },
  );
}

/** Each top-level test's verdict and duration from the `-test.v` output (`--- PASS: TestConformance/Name (1.23s)`). */
export async function upstreamVerdicts(logPath: string): Promise<Map<string, UpstreamVerdict>> {
  const verdicts = new Map<string, UpstreamVerdict>();
  for (const match of (await readFile(logPath, 'utf8')).matchAll(/^\s*--- (PASS|FAIL|SKIP): TestConformance\/([^/\s]+) \(([\d.]+)s\)$/gm)) {
    verdicts.set(match[2]!, { verdict: match[1] as UpstreamVerdict['verdict'], seconds: Number(match[3]) });
  }
  return verdicts;
}
