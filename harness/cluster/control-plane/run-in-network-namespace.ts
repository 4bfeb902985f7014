import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../config/types.ts';
import { realClusterSettingsOf } from '../kind/real-cluster-settings.ts';
import { checkVersions, locateBinaries, pinnedKubernetesVersion, PROJECT_ROOT } from './binaries.ts';
import { gatewayApiCrdFolder } from './gateway-api-crds.ts';
import { RUN_DIR_ENV } from './launcher-env.ts';
import { createNetworkNamespace, deleteNetworkNamespace, NETNS_ENV, networkNamespaceExists, networkNamespacesStartingWith, processesIn } from './network-namespace.ts';

const CLI_ENTRY = join(PROJECT_ROOT, 'bin', 'grpcroute-conformance.js');

/**
 * Runs the same CLI invocation again inside a network namespace of its own, and deletes the
 * namespace, with every process still in it, when that run ends: on success, failure, or
 * signals. The child has its own process group, so each Ctrl-C reaches it exactly once, through
 * here: the first starts its cleanup, a second ends it at once, and the namespace still goes.
 */
export async function runInNetworkNamespace(argv: readonly string[], config: ResolvedConfig, stderr: NodeJS.WritableStream, entry: readonly string[] = [CLI_ENTRY]): Promise<number> {
  await checkVersions(locateBinaries(process.env), pinnedKubernetesVersion());
  const name = `grpcconf-${config.runId}`.slice(0, 60);
  let child: ChildProcess | undefined;
  let runDir: string | undefined;
  let interrupted: NodeJS.Signals | undefined;
  // From here on a signal never ends this process before the namespace is gone.
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted ??= signal;
    child?.kill(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await createNetworkNamespace(name);
    // Only this side can fetch the CRD module: the namespace has no network.
    const settings = realClusterSettingsOf(config);
    await gatewayApiCrdFolder(settings.gatewayApiVersion, settings.gatewayApiChannel);
    if (interrupted) return 128 + constants.signals[interrupted];
    runDir = await mkdtemp(join(tmpdir(), 'grpcroute-conformance-run-'));
    stderr.write(`control-plane: network namespace ${name}, run folder ${runDir} (reach the cluster with: ip netns exec ${name} COMMAND)\n`);
    child = spawn('ip', ['netns', 'exec', name, process.execPath, ...process.execArgv, ...entry, ...argv], {
      stdio: 'inherit',
      detached: true,
      // Go must not try the module proxy from inside: the namespace has no route to it.
      env: { ...process.env, [NETNS_ENV]: name, [RUN_DIR_ENV]: runDir, GOPROXY: 'off', GOFLAGS: '-mod=mod' },
    });
    const running = child;
    const code = await new Promise<number>((resolve) => {
      running.once('error', (error) => {
        stderr.write(`error: could not start the run inside network namespace ${name}: ${error.message}\n`);
        resolve(2);
      });
      running.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 1)));
    });
    const left = await processesIn(name);
    if (left.length > 0) stderr.write(`control-plane: ending ${left.length} process(es) left in network namespace ${name}\n`);
    return code;
  } finally {
    // The node agent names pod namespaces after the run's; a crashed run may leave some behind.
    for (const pod of await networkNamespacesStartingWith(`${name}-`)) await deleteNetworkNamespace(pod);
    if (await networkNamespaceExists(name)) await deleteNetworkNamespace(name);
    if (runDir) await rm(runDir, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
