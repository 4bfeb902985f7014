import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import type { ResolvedConfig } from '../config/types.ts';
import { HarnessError } from '../errors.ts';
import { KubeClient } from '../kube/client.ts';
import { userAgentFor } from '../kube/user-agent.ts';
import { checkGatewayClass } from '../run/preflight.ts';
import { carveLoadBalancerRange } from './kind/address-pool.ts';
import { runCommand, type CommandSpec } from './kind/command.ts';
import { provideEchoImage } from './kind/echo-image.ts';
import { ensureGatewayApiCrds } from './kind/gateway-api-crds.ts';
import { interruptibleBySignals, unlessAborted } from './kind/interrupt-during-setup.ts';
import { DEFAULT_KIND_CONFIG } from './kind/kind-config.ts';
import {
  applyMetallbPool,
  cloudProviderKind,
  includeControlPlaneInLoadBalancers,
  inspectKindNetwork,
  installMetallb,
  METALLB_VERSION,
  waitForMetallb,
} from './kind/load-balancer.ts';
import { waitForNodesReady } from './kind/nodes-ready.ts';
import { realClusterSettingsOf, type RealClusterSettings } from './kind/real-cluster-settings.ts';
import { createStepLog } from './kind/step-log.ts';
import { vendorInstallCommands } from './kind/vendor-install.ts';
import type { ClusterConnection, ClusterProvider } from './provider.ts';

export interface KindProviderDeps {
  /** Replaced only by tests whose stand-in API server serves no Nodes. */
  readonly waitForNodesReady?: typeof waitForNodesReady;
}

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
  let cloudProvider: ResultPromise | undefined;
  const kubectl = (args: string[]): CommandSpec => ({ file: 'kubectl', args: ['--kubeconfig', kubeconfigPath, ...args] });

  async function setUp(signal: AbortSignal): Promise<ClusterConnection> {
    const run = (spec: CommandSpec): Promise<string> => runCommand(spec, signal);
    await refuseExistingCluster(name, run);
    workDir = await mkdtemp(join(tmpdir(), 'grpcroute-conformance-kind-'));
    kubeconfigPath = join(workDir, 'kubeconfig');
    const kindConfig = settings.kindConfig ?? join(workDir, 'kind-config.yaml');
    if (settings.kindConfig === undefined) await writeFile(kindConfig, DEFAULT_KIND_CONFIG);

    await steps.step(`Creating cluster "${name}"`, () => {
      created = true;
      return run({ file: 'kind', args: createArgs(settings, kindConfig, kubeconfigPath) });
    });
    const client = KubeClient.load({ kubeconfigPath, userAgent: userAgentFor('kind-setup') });
    await steps.step('Waiting for nodes to be Ready', () =>
      (deps.waitForNodesReady ?? waitForNodesReady)(client, config.timeouts.namespacesMustBeReady, signal),
    );
    await steps.step('Letting the control plane serve LoadBalancers', () => run(includeControlPlaneInLoadBalancers(kubectl)));
    if (settings.kindLoadBalancer === 'metallb') {
      await steps.step(`Installing MetalLB ${METALLB_VERSION}`, async () => {
        await run(installMetallb(kubectl));
        await run(waitForMetallb(kubectl));
      });
      const range = carveLoadBalancerRange(await run(inspectKindNetwork));
      await steps.step(`Giving LoadBalancers ${range.first}-${range.last}`, () => run(applyMetallbPool(kubectl, range)));
    } else {
      await steps.step('Starting cloud-provider-kind', () => startCloudProvider());
    }
    await provideEchoImage({ run, steps, signal, clusterName: name, workDir, ...(config.echoImage === undefined ? {} : { echoImage: config.echoImage }) });
    await ensureGatewayApiCrds({ client, kubectl, run, steps, signal, settings });
    for (const spec of vendorInstallCommands(settings, kubectl, kubeconfigPath)) {
      await steps.step(spec.file === 'sh' ? 'Running --install-command' : `Applying ${spec.args.at(-1) ?? ''}`, () => run(spec));
    }
    await steps.step(`Waiting for GatewayClass "${config.gatewayClass}" to be Accepted`, () =>
      unlessAborted(signal, checkGatewayClass(client, config.gatewayClass, config.timeouts)),
    );
    return { kubeconfigPath, context: client.contextName, lowPortOffset: 0, description: `kind cluster "${name}" (kubeconfig ${kubeconfigPath})` };
  }

  async function startCloudProvider(): Promise<void> {
    cloudProvider = execa(cloudProviderKind.file, [...cloudProviderKind.args], { stdin: 'ignore', stdout: 'ignore', stderr: 'ignore', reject: false });
    // It runs until stop(); failing to start at all is the only error it can report here.
    await new Promise<void>((resolve, reject) => {
      cloudProvider?.once('spawn', () => resolve());
      cloudProvider?.once('error', (error) => reject(new HarnessError('GRPCCONF_COMMAND_FAILED', `cannot start cloud-provider-kind: ${error.message}; install it (go install sigs.k8s.io/cloud-provider-kind@latest) or use --kind-load-balancer=metallb`, { cause: error })));
    });
  }

  return {
    kind: 'kind',
    async start(): Promise<ClusterConnection> {
      return interruptibleBySignals(setUp);
    },
    async stop() {
      if (cloudProvider) {
        cloudProvider.kill();
        await cloudProvider;
        cloudProvider = undefined;
      }
      if (created && config.keep) {
        log(`kept kind cluster "${name}" (--keep); kubeconfig ${kubeconfigPath}; delete it with: kind delete cluster --name ${name}`);
      } else if (created) {
        await steps.step(`Deleting cluster "${name}"`, () => runCommand({ file: 'kind', args: ['delete', 'cluster', '--name', name, '--kubeconfig', kubeconfigPath] }));
      }
      created = false;
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
