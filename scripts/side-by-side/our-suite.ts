import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../harness/cluster/control-plane/binaries.ts';
import type { StaticAddresses } from '../../harness/config/types.ts';
import type { RunResult, TestOutcome } from '../../harness/runner/results.ts';
import type { ChildRun } from './child-run.ts';
import { runChild } from './child-run.ts';
import { sideBySideRelease, type SideBySideGateway } from './gateways.ts';
import { staticAddressFlags } from './static-address-flags.ts';

/** One of our tests as results.json records it. */
export interface OurVerdict {
  readonly outcome: TestOutcome;
  readonly seconds: number;
}

/** Our suite on the same control plane, as on any existing cluster, limited to `tests`. */
export function runOurSuite(
  gateway: SideBySideGateway,
  tests: readonly string[],
  kubeconfig: string,
  outDir: string,
  signal: AbortSignal,
  staticAddresses?: StaticAddresses,
): Promise<ChildRun> {
  const { organization, project, url, version } = gateway.implementation;
  return runChild(
    process.execPath,
    [
      join(PROJECT_ROOT, 'bin', 'grpcroute-conformance.js'),
      '--cluster=existing',
      `--kubeconfig=${kubeconfig}`,
      `--gateway-class=${gateway.gatewayClass}`,
      `--run-test=${tests.join(',')}`,
      `--report-dir=${join(outDir, 'ours')}`,
      `--organization=${organization}`,
      `--project=${project}`,
      `--url=${url}`,
      `--version=${version}`,
      `--gateway-api-version=${sideBySideRelease()}`,
      ...staticAddressFlags(staticAddresses),
    ],
    { env: { ...process.env, CI: 'true' }, logPath: join(outDir, 'ours.log'), signal },
  );
}

export async function ourVerdicts(outDir: string): Promise<Map<string, OurVerdict>> {
  const result = JSON.parse(await readFile(join(outDir, 'ours', 'results.json'), 'utf8')) as RunResult;
  return new Map(result.tests.map((t) => [t.name, { outcome: t.outcome, seconds: t.durationMs / 1000 }]));
}
