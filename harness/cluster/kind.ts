import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { HarnessError } from '../errors.ts';
import { setProviderLeftBehindNotice } from '../run/left-behind.ts';
import { KubeClient } from '../kube/client.ts';
import { userAgentFor } from '../kube/user-agent.ts';
import { checkGatewayClass } from '../run/preflight.ts';
import { carveLoadBalancerRange } from './kind/address-pool.ts';
import { refuseRunningCloudProviderKind, startCloudProviderKind, type RunningCloudProvider } from './kind/cloud-provider-kind.ts';
import { CommandFailedError, runCommand, type CommandSpec } from './kind/command.ts';
import { provideEchoImage } from './kind/echo-image.ts';
import { ensureGatewayApiCrds, requireVendorCrds } from './kind/gateway-api-crds.ts';
import { chooseLoadBalancer } from './kind/host-reachability.ts';
import { interruptibleBySignals, unlessAborted } from './kind/interrupt-during-setup.ts';
import { DEFAULT_KIND_CONFIG } from './kind/kind-config.ts';
import {
  applyMetallbPool,
  cloudProviderKind,
  includeControlPlaneInLoadBalancers,
  inspectKindNetwork,
  installMetallb,
  kindNetworkName,
  METALLB_VERSION,
  waitForMetallb,
  webhookNotReady,
} from './kind/load-balancer.ts';
import { waitForNodesReady } from './kind/nodes-ready.ts';
import { realClusterSettingsOf, type RealClusterSettings } from './kind/real-cluster-settings.ts';
import { retryWhile } from './kind/retry-while.ts';
import { explainSafeUpgradesDenial } from './kind/safe-upgrades-policy.ts';
import { pasteableCommand } from './kind/shell-quote.ts';
import { createStepLog } from './kind/step-log.ts';
import { vendorInstallCommands } from './kind/vendor-install.ts';
import type { ClusterConnection, ClusterProvider } from './provider.ts';

export interface KindProviderDeps {
  /** Replaced only by tests whose stand-in API server serves no Nodes. */
  readonly waitForNodesReady?: typeof waitForNodesReady;
  /** Replaced by tests that play macOS or Windows. */
  readonly platform?: NodeJS.Platform;
}

/** How long MetalLB's webhook may take to answer once its pods are rolled out. */
const METALLB_WEBHOOK_WITHIN_MS = 120_000;

/**
 * `--cluster=kind`: creates a kind cluster of ours, gives it LoadBalancer addresses, loads the echo
 * image, installs the Gateway API CRDs and the implementation, waits for its GatewayClass, and
 * deletes the cluster at stop() unless --keep. Never touches a kind cluster it did not create.
 */
export function kindClusterProvider(config: ResolvedConfig, log: (line: string) => void, deps: KindProviderDeps = {}): ClusterProvider {
  const settings = realClusterSettingsOf(config);
  const name = settings.kindClusterName;
  const steps = createStepLog(log);
  let workDir: string | undefined;
  let kubeconfigPath = '';
  // Set as soon as `kind create` starts: a half-created cluster is ours to delete too.
  let created = false;
  let setupDone = false;
  let cloudProvider: RunningCloudProvider | undefined;
  const kubectl = (args: string[]): CommandSpec => ({ file: 'kubectl', args: ['--kubeconfig', kubeconfigPath, ...args] });

  async function setUp(interrupted: AbortSignal): Promise<ClusterConnection> {
    // Also aborted when cloud-provider-kind dies mid-setup, so whatever waits fails at once with why.
    const providerGone = new AbortController();
    const signal = AbortSignal.any([interrupted, providerGone.signal]);
    const run = (spec: CommandSpec): Promise<string> => runCommand(spec, signal);
    await refuseExistingCluster(name, run);
    const loadBalancer = await chooseLoadBalancer(settings.kindLoadBalancer, run, deps.platform ?? process.platform, log);
    if (loadBalancer === 'cloud-provider-kind') await refuseRunningCloudProviderKind(run, (line) => steps.detail(line));
    workDir = await mkdtemp(join(tmpdir(), 'grpcroute-conformance-kind-'));
    kubeconfigPath = join(workDir, 'kubeconfig');
    const kindConfig = settings.kindConfig ?? join(workDir, 'kind-config.yaml');
    if (settings.kindConfig === undefined) await writeFile(kindConfig, DEFAULT_KIND_CONFIG);

    await steps.step(`Creating cluster "${name}"`, () => {
      created = true;
      // A second Ctrl-C exits without cleanup: it can still say how to remove the cluster.
      setProviderLeftBehindNotice(`left behind: kind cluster ${name}; remove it: kind delete cluster --name ${name}`);
      return run({ file: 'kind', args: createArgs(settings, kindConfig, kubeconfigPath) });
    });
    const client = KubeClient.load({ kubeconfigPath, userAgent: userAgentFor('kind-setup') });
    await steps.step('Waiting for nodes to be Ready', () =>
      (deps.waitForNodesReady ?? waitForNodesReady)(client, config.timeouts.namespacesMustBeReady, signal),
    );
    await steps.step('Letting the control plane serve LoadBalancers', () => run(includeControlPlaneInLoadBalancers(kubectl)));
    if (loadBalancer === 'metallb') {
      await steps.step(`Installing MetalLB ${METALLB_VERSION}`, async () => {
        await run(installMetallb(kubectl));
        for (const rollout of waitForMetallb(kubectl)) await run(rollout);
      });
      const range = carveLoadBalancerRange(await run(inspectKindNetwork(kindNetworkName())));
      await steps.step(`Giving LoadBalancers ${range.first}-${range.last}`, () =>
        retryWhile(() => run(applyMetallbPool(kubectl, range)), {
          retryable: (error) => error instanceof CommandFailedError && webhookNotReady(error.output),
          withinMs: METALLB_WEBHOOK_WITHIN_MS,
          signal,
          onRetry: (_error, attempt) => steps.detail(`MetalLB's webhook does not answer yet (attempt ${attempt}); retrying`),
        }),
      );
    } else {
      await steps.step(`Starting cloud-provider-kind (log ${join(workDir, 'cloud-provider-kind.log')})`, () => startCloudProvider(providerGone));
    }
    await provideEchoImage({ run, steps, signal, clusterName: name, workDir, ...(config.echoImage === undefined ? {} : { echoImage: config.echoImage }) });
    if (settings.gatewayApiCrds === 'install') await ensureGatewayApiCrds({ client, kubectl, run, steps, signal, settings });
    for (const spec of vendorInstallCommands(settings, kubectl, kubeconfigPath)) {
      await steps.step(spec.file === 'sh' ? 'Running --install-command' : `Applying ${spec.args.at(-1) ?? ''}`, () =>
        run(spec).catch((error: unknown) => {
          throw explainSafeUpgradesDenial(error);
        }),
      );
    }
    if (settings.gatewayApiCrds === 'vendor') await requireVendorCrds({ client, kubectl, run, steps, signal });
    await steps.step(`Waiting for GatewayClass "${config.gatewayClass}" to be Accepted`, () =>
      unlessAborted(signal, checkGatewayClass(client, config.gatewayClass, config.timeouts)),
    );
    return { kubeconfigPath, context: client.contextName, lowPortOffset: 0, description: `kind cluster "${name}" (kubeconfig ${kubeconfigPath})` };
  }

  async function startCloudProvider(providerGone: AbortController): Promise<void> {
    const started = await startCloudProviderKind(workDir ?? tmpdir());
    cloudProvider = started;
    void started.exitedEarly.then((error) => {
      if (!providerGone.signal.aborted && !setupDone) providerGone.abort(error);
      // After setup nothing waits on it any more: say so at once, the Gateways' addresses are gone.
      else if (setupDone) log(`error: ${error.message}`);
    });
  }

  return {
    kind: 'kind',
    async start(): Promise<ClusterConnection> {
      const connection = await interruptibleBySignals(setUp);
      setupDone = true;
      return connection;
    },
    async stop() {
      if (cloudProvider) {
        await cloudProvider.stop();
        cloudProvider = undefined;
        if (created && config.keep) {
          log(`stopped cloud-provider-kind: the kept cluster's LoadBalancer Services have no addresses until you start it again: ${pasteableCommand(cloudProviderKind)}`);
        }
      }
      if (created && config.keep) {
        log(`kept kind cluster "${name}" (--keep); kubeconfig ${kubeconfigPath}; delete it with: kind delete cluster --name ${name}`);
      } else if (created) {
        await steps.step(`Deleting cluster "${name}"`, () => runCommand({ file: 'kind', args: ['delete', 'cluster', '--name', name, '--kubeconfig', kubeconfigPath] }));
      }
      created = false;
      setProviderLeftBehindNotice(undefined);
      if (workDir && !config.keep) await rm(workDir, { recursive: true, force: true });
      workDir = undefined;
    },
  };
}

function createArgs(settings: RealClusterSettings, kindConfig: string, kubeconfigPath: string): string[] {
  const image = settings.kindNodeImage === undefined ? [] : ['--image', settings.kindNodeImage];
  // --kubeconfig keeps the user's ~/.kube/config (and its current-context) untouched.
  return ['create', 'cluster', '--name', settings.kindClusterName, '--config', kindConfig, ...image, '--kubeconfig', kubeconfigPath];
}

/** A cluster of that name belongs to someone else (or a kept run): never reuse or delete it. */
async function refuseExistingCluster(name: string, run: (spec: CommandSpec) => Promise<string>): Promise<void> {
  const clusters = (await run({ file: 'kind', args: ['get', 'clusters'] })).split('\n').map((l) => l.trim());
  if (clusters.includes(name)) {
    throw new HarnessError(
      'GRPCCONF_KIND_CLUSTER_EXISTS',
      `a kind cluster named "${name}" already exists; the suite never reuses or deletes a cluster it did not create: delete it (kind delete cluster --name ${name}) or pass --kind-cluster-name`,
    );
  }
}
