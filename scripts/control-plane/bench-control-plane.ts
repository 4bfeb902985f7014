import { readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { startControlPlane, IDENTITIES } from '../../harness/cluster/control-plane/control-plane.ts';
import { AUDIT_LOG_ENV } from '../../harness/cluster/control-plane/launcher-env.ts';
import { runSuiteChild, type SuiteChildRun } from '../mutants/suite-child.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start to ready of etcd, kube-apiserver and kube-controller-manager (the last ready = controllers acting), on loopback. */
export async function controlPlaneStartToReadyMs(): Promise<number> {
  const ports = { etcdClient: await freePort(), etcdPeer: await freePort(), apiserver: await freePort(), controllerManager: await freePort() };
  const started = performance.now();
  const plane = await startControlPlane({ binaries: locateBinaries({}), advertiseAddress: '127.0.0.1', ports });
  const ms = performance.now() - started;
  await plane.stop();
  return ms;
}

export interface ControlPlaneSuiteRun {
  readonly run: SuiteChildRun;
  readonly tests: number;
  /** Requests the suite's own identity made, from the API server's audit log. */
  readonly suiteRequests: number;
  readonly suiteRequestsByVerb: Readonly<Record<string, number>>;
  /** Every identity's requests: the suite, the reference gateway, the node agent, the controllers. */
  readonly allRequests: number;
}

/** One whole-suite run on --cluster=control-plane, with the API server's audit log read afterwards. */
export async function runSuiteOnControlPlane(): Promise<ControlPlaneSuiteRun> {
  const dir = await mkdtemp(join(tmpdir(), 'grpcconf-bench-audit-'));
  const auditLog = join(dir, 'audit.log');
  try {
    const run = await runSuiteChild({ args: ['--quiet', '--cluster=control-plane'], env: { [AUDIT_LOG_ENV]: auditLog, GRPCROUTE_REFERENCE_FAULTS: '', GRPCROUTE_REFERENCE_CHAOS: '' } });
    const events = (await readFile(auditLog, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { user?: { username?: string }; verb?: string });
    const suite = events.filter((e) => e.user?.username === IDENTITIES.suite.user);
    const byVerb: Record<string, number> = {};
    for (const e of suite) byVerb[e.verb ?? '?'] = (byVerb[e.verb ?? '?'] ?? 0) + 1;
    const tests = run.results?.tests.filter((t) => t.outcome === 'passed' || t.outcome === 'failed').length ?? 0;
    return { run, tests, suiteRequests: suite.length, suiteRequestsByVerb: byVerb, allRequests: events.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
