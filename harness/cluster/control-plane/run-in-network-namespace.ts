import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../config/types.ts';
import { realClusterSettingsOf } from '../kind/real-cluster-settings.ts';
import { checkVersions, locateBinaries, pinnedKubernetesVersion, PROJECT_ROOT } from './binaries.ts';
import { gatewayApiCrdFolder } from './gateway-api-crds.ts';
import { createNetworkNamespace, deleteNetworkNamespace, NETNS_ENV, processesIn } from './network-namespace.ts';

const CLI_ENTRY = join(PROJECT_ROOT, 'bin', 'grpcroute-conformance.js');

/**
 * Runs the same CLI invocation again inside a network namespace of its own, and deletes the
 * namespace, with every process still in it, when that run ends: on success, failure, or
 * signals. The child has its own process group, so each Ctrl-C reaches it exactly once, through
 * here: the first starts its cleanup, a second ends it at once, and the namespace still goes.
 */
export async function runInNetworkNamespace(argv: readonly string[], config: ResolvedConfig, stderr: NodeJS.WritableStream): Promise<number> {
  await checkPrerequisites(config);
  const name = `grpcconf-${config.runId}`.slice(0, 60);
  await createNetworkNamespace(name);
  const child = spawn('ip', ['netns', 'exec', name, process.execPath, ...process.execArgv, CLI_ENTRY, ...argv], {
    stdio: 'inherit',
    detached: true,
    // Go must not try the module proxy from inside: the namespace has no route to it.
    env: { ...process.env, [NETNS_ENV]: name, GOPROXY: 'off', GOFLAGS: '-mod=mod' },
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    const code = await new Promise<number>((resolve) => {
      child.once('error', (error) => {
        stderr.write(`error: could not start the run inside network namespace ${name}: ${error.message}\n`);
        resolve(2);
      });
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 1)));
    });
    const left = await processesIn(name);
    if (left.length > 0) stderr.write(`control-plane: ending ${left.length} process(es) left in network namespace ${name}\n`);
    return code;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    await deleteNetworkNamespace(name);
  }
}

/**
 * What can be checked out here is checked before the namespace exists: the binaries and their
 * version, and the CRD module, which only this side can fetch (the namespace has no network).
 */
async function checkPrerequisites(config: ResolvedConfig): Promise<void> {
  await checkVersions(locateBinaries(process.env), pinnedKubernetesVersion());
  const settings = realClusterSettingsOf(config);
  await gatewayApiCrdFolder(settings.gatewayApiVersion, settings.gatewayApiChannel);
}
