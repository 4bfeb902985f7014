// Runs inside the network namespace scripts/side-by-side/main.ts made for one gateway: starts the
// real control plane with that implementation exactly as --cluster=control-plane does, then
// upstream's GATEWAY-GRPC profile and our suite against it, one after the other.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { controlPlaneClusterProvider } from '../../harness/cluster/control-plane/provider.ts';
import { resolveConfig } from '../../harness/cli/resolve-config.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { userAgentFor } from '../../harness/kube/user-agent.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';
import { declaredGrpcProfileFeatures } from './declared-features.ts';
import { sideBySideGateways, sideBySideRelease } from './gateways.ts';
import { runOurSuite } from './our-suite.ts';
import { upstreamNamespacesGone } from './upstream-namespaces-gone.ts';
import { RUN_RECORD, type RunRecord } from './run-record.ts';
import { runUpstreamSuite, upstreamVerdicts } from './upstream-suite.ts';

const { values } = parseArgs({ options: { gateway: { type: 'string' }, out: { type: 'string' } } });
const gateway = sideBySideGateways().find((g) => g.name === values.gateway);
if (!gateway || !values.out) {
  process.stderr.write(`usage: inside.ts --gateway ${sideBySideGateways().map((g) => g.name).join('|')} --out DIR\n`);
  process.exit(2);
}
const outDir = values.out;
await mkdir(outDir, { recursive: true });
const say = (line: string): void => void process.stderr.write(`side-by-side ${gateway.name}: ${line}\n`);

const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort(new Error(signal));
  });
}

const config = await resolveConfig({
  flags: { cluster: 'control-plane', controlPlaneGateway: gateway.controlPlaneGateway, gatewayClass: gateway.gatewayClass, gatewayApiVersion: sideBySideRelease() },
  env: process.env,
  cwd: process.cwd(),
});
const provider = controlPlaneClusterProvider(config, say);
let exitCode = 1;
try {
  const connection = await provider.start();
  say(connection.description);
  const client = KubeClient.load({ kubeconfigPath: connection.kubeconfigPath, userAgent: userAgentFor('side-by-side') });
  const features = await declaredGrpcProfileFeatures(client, gateway.gatewayClass, interrupt.signal);
  say(`upstream GATEWAY-GRPC with --supported-features=${features.join(',')}`);
  const upstream = await runUpstreamSuite(gateway, features, connection.kubeconfigPath, { dir: outDir, name: 'upstream' }, interrupt.signal, connection.staticAddresses);
  say(`upstream exited ${upstream.exitCode} after ${upstream.wallSeconds.toFixed(1)} s (log ${upstream.logPath})`);
  const ranUpstream = [...(await upstreamVerdicts(upstream.logPath))].filter(([, v]) => v.verdict !== 'SKIP').map(([name]) => name);
  const ourTests = CONFORMANCE_TESTS.map((t) => t.name).filter((name) => ranUpstream.includes(name));
  let ours;
  let upstreamSameTests;
  if (!interrupt.signal.aborted && ourTests.length > 0) {
    const others = ranUpstream.filter((name) => !ourTests.includes(name));
    await upstreamNamespacesGone(client, interrupt.signal);
    say(`upstream again, for the wall time of the tests both suites have: --skip-tests=${others.join(',')}`);
    upstreamSameTests = await runUpstreamSuite(gateway, features, connection.kubeconfigPath, { dir: outDir, name: 'upstream-same-tests', skipTests: others }, interrupt.signal, connection.staticAddresses);
    say(`upstream (same tests) exited ${upstreamSameTests.exitCode} after ${upstreamSameTests.wallSeconds.toFixed(1)} s`);
  }
  if (!interrupt.signal.aborted && ourTests.length > 0) {
    say(`ours: --run-test=${ourTests.join(',')}`);
    ours = await runOurSuite(gateway, ourTests, connection.kubeconfigPath, outDir, interrupt.signal, connection.staticAddresses);
    say(`ours exited ${ours.exitCode} after ${ours.wallSeconds.toFixed(1)} s (log ${ours.logPath})`);
  }
  const record: RunRecord = { gateway: gateway.name, features, ourTests, upstream, ...(upstreamSameTests ? { upstreamSameTests } : {}), ...(ours ? { ours } : {}) };
  await writeFile(join(outDir, RUN_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  exitCode = interrupt.signal.aborted ? 130 : 0;
} catch (error) {
  say(`failed: ${(error as Error).stack ?? String(error)}`);
} finally {
  await provider.stop();
}
process.exit(exitCode);
