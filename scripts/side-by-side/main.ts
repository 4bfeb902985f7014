// `npm run side-by-side`: upstream's Go conformance suite (GATEWAY-GRPC) and ours, on the real
// control plane, against the reference gateway and against Traefik, each gateway on a control
// plane of its own; prints the verdicts and wall times and writes them to docs/side-by-side.md.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_CACHE_BIN, PROJECT_ROOT } from '../../harness/cluster/control-plane/binaries.ts';
import { ECHO_BASIC_BINARY } from '../../harness/cluster/control-plane/echo-basic-pods.ts';
import { runInNetworkNamespace } from '../../harness/cluster/control-plane/run-in-network-namespace.ts';
import { resolveConfig } from '../../harness/cli/resolve-config.ts';
import { renderDocument } from './document.ts';
import { sideBySideGateways, sideBySideRelease } from './gateways.ts';
import { ourVerdicts } from './our-suite.ts';
import { RUN_RECORD, type RunRecord } from './run-record.ts';
import type { GatewayResults } from './table.ts';
import { renderTable } from './table.ts';
import { UPSTREAM_BINARY, upstreamVerdicts } from './upstream-suite.ts';

const REPORTS = join(PROJECT_ROOT, 'reports', 'side-by-side');
const INSIDE = join(PROJECT_ROOT, 'scripts', 'side-by-side', 'inside.ts');
const RUN_TS = join(PROJECT_ROOT, 'bin', 'run-ts.js');

for (const binary of [UPSTREAM_BINARY, ECHO_BASIC_BINARY]) {
  if (!existsSync(binary)) {
    process.stderr.write(`error: ${binary} is missing; run \`npm run control-plane:build\` (builds it into ${BUILD_CACHE_BIN})\n`);
    process.exit(2);
  }
}
const wanted = process.argv.slice(2);
const gateways = sideBySideGateways().filter((g) => wanted.length === 0 || wanted.includes(g.name));
const results: GatewayResults[] = [];
let exitCode = 0;
for (const gateway of gateways) {
  const dir = join(REPORTS, gateway.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const config = await resolveConfig({ flags: { cluster: 'control-plane', controlPlaneGateway: gateway.controlPlaneGateway, gatewayClass: gateway.gatewayClass, gatewayApiVersion: sideBySideRelease() }, env: process.env, cwd: PROJECT_ROOT });
  const code = await runInNetworkNamespace(['--gateway', gateway.name, '--out', dir], config, process.stderr, [RUN_TS, INSIDE]);
  if (code !== 0 || !existsSync(join(dir, RUN_RECORD))) {
    process.stderr.write(`error: side-by-side run for ${gateway.name} ended with exit code ${code}; its logs are in ${dir}\n`);
    exitCode = code === 0 ? 1 : code;
    if (code >= 128) break;
    continue;
  }
  const record = JSON.parse(await readFile(join(dir, RUN_RECORD), 'utf8')) as RunRecord;
  results.push({
    record,
    upstream: await upstreamVerdicts(record.upstream.logPath),
    upstreamSameTests: record.upstreamSameTests ? await upstreamVerdicts(record.upstreamSameTests.logPath) : new Map(),
    ours: record.ours ? await ourVerdicts(dir) : new Map(),
  });
}
if (results.length > 0) {
  const table = renderTable(results);
  process.stdout.write(table);
  if (results.length === sideBySideGateways().length) await writeFile(join(PROJECT_ROOT, 'docs', 'side-by-side.md'), renderDocument(table, results));
  process.stdout.write(`reports: ${REPORTS}\n`);
}
process.exit(exitCode);
