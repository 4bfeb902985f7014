import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { startNodeAgent } from '../../../node-agent/src/index.ts';
import { startReferenceGateway } from '../../../reference-gateway/src/index.ts';
import type { ResolvedConfig } from '../../config/types.ts';
import { HarnessError } from '../../errors.ts';
import { KubeClient } from '../../kube/client.ts';
import { userAgentFor } from '../../kube/user-agent.ts';
import type { KubeObject } from '../../kube/types.ts';
import { REFERENCE_CONTROLLER_NAME, REFERENCE_GATEWAY_CLASS } from '../embedded.ts';
import { interruptibleBySignals } from '../kind/interrupt-during-setup.ts';
import { realClusterSettingsOf } from '../kind/real-cluster-settings.ts';
import { createStepLog } from '../kind/step-log.ts';
import type { ClusterConnection, ClusterProvider } from '../provider.ts';
import { checkVersions, locateBinaries, pinnedKubernetesVersion, PROJECT_ROOT } from './binaries.ts';
import { startControlPlane, type RunningControlPlane } from './control-plane.ts';
import { echoBasicPods } from './echo-basic-pods.ts';
import { gatewayApiCrdFolder, installGatewayApiManifests, readGatewayApiManifests } from './gateway-api-crds.ts';
import { AUDIT_LOG_ENV, RUN_DIR_ENV } from './launcher-env.ts';
import { NETNS_ENV, NETWORK } from './network-namespace.ts';
import { startTraefik } from './traefik.ts';
import { poolStaticAddresses } from '../pool-static-addresses.ts';

const NODE_NAME = 'grpcroute-conformance-node';
/** The kubelet's usual port: kube-apiserver fetches pods/log from it. */
const KUBELET_PORT = 10250;

/**
 * `--cluster=control-plane`: a real etcd, kube-apiserver and kube-controller-manager (built
 * from k8s.io/kubernetes), the upstream Gateway API CRDs, our node agent in place of a kubelet,
 * and the reference gateway, all inside the run's own network namespace (see
 * run-in-network-namespace.ts, which starts this process there).
 */
export function controlPlaneClusterProvider(config: ResolvedConfig, log: (line: string) => void): ClusterProvider {
  const steps = createStepLog(log);
  const settings = realClusterSettingsOf(config);
  const stack: { stop(): Promise<void> }[] = [];

  async function setUp(signal: AbortSignal): Promise<ClusterConnection> {
    if (!process.env[NETNS_ENV]) {
      throw new HarnessError('GRPCCONF_NETNS', '--cluster=control-plane must run inside its own network namespace; start it through the grpcroute-conformance CLI');
    }
    const binaries = locateBinaries(process.env);
    const version = pinnedKubernetesVersion();
    await checkVersions(binaries, version);
    const crdFolder = await gatewayApiCrdFolder(settings.gatewayApiVersion, settings.gatewayApiChannel);

    const plane: RunningControlPlane = await steps.step(`Starting etcd, kube-apiserver and kube-controller-manager ${version}`, () =>
      startControlPlane({ binaries, advertiseAddress: NETWORK.nodeAddress, parentDir: process.env[RUN_DIR_ENV], auditLogPath: process.env[AUDIT_LOG_ENV] || undefined, signal, log: (line) => steps.detail(line) }),
    );
    stack.push(plane);
    const client = KubeClient.load({ kubeconfigPath: plane.kubeconfigs.suite, userAgent: userAgentFor('control-plane-install') });
    await steps.step(`Installing Gateway API CRDs ${settings.gatewayApiVersion} (${settings.gatewayApiChannel}) from sigs.k8s.io/gateway-api`, async () =>
      installGatewayApiManifests(client, await readGatewayApiManifests(crdFolder), signal),
    );
    const agent = await steps.step(`Starting the node agent (node ${NODE_NAME}, pods in ${NETWORK.podPool})`, () =>
      startNodeAgent({ kubeconfigPath: plane.kubeconfigs.nodeAgent, nodeName: NODE_NAME, nodeAddress: NETWORK.nodeAddress, podAddresses: NETWORK.podPool, kubeletPort: KUBELET_PORT, ...echoBasicPods(process.env), log: (line) => log(`node-agent: ${line}`) }),
    );
    stack.push(agent);
    if (settings.controlPlaneGateway === 'traefik') {
      for (const object of await manifests(join(PROJECT_ROOT, 'tools', 'real-peers', 'traefik', 'rbac.yaml'))) await client.apply(object);
      stack.push(await steps.step(`Starting Traefik (status address ${NETWORK.peerAddress})`, () => startTraefik(plane, NETWORK.peerAddress, settings.gatewayApiChannel === 'experimental', signal)));
    } else {
      for (const object of await manifests(join(PROJECT_ROOT, 'reference-gateway', 'install', 'rbac.yaml'))) await client.apply(object);
      const gateway = await steps.step('Starting the reference gateway', () =>
        startReferenceGateway({ kubeconfigPath: plane.kubeconfigs.referenceGateway, addressPool: NETWORK.gatewayPool, lowPortOffset: 0, log: (line) => log(`reference-gateway: ${line}`) }),
      );
      stack.push(gateway);
      await client.apply({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'GatewayClass',
        metadata: { name: REFERENCE_GATEWAY_CLASS },
        spec: { controllerName: REFERENCE_CONTROLLER_NAME, description: 'The grpcroute-conformance reference gateway' },
      });
    }
    return {
      kubeconfigPath: plane.kubeconfigs.suite,
      lowPortOffset: 0,
      ...(settings.controlPlaneGateway === 'traefik' ? {} : { staticAddresses: poolStaticAddresses(NETWORK.gatewayPool) }),
      description: `control plane ${version} at ${plane.url} in network namespace ${process.env[NETNS_ENV]} (kubeconfig ${plane.kubeconfigs.suite})`,
    };
  }

  return {
    kind: 'control-plane',
    start: () => interruptibleBySignals(setUp),
    async stop() {
      while (stack.length > 0) await stack.pop()!.stop();
    },
  };
}

/** An implementation's install manifests (its RBAC, its GatewayClass), as its install step would apply them. */
async function manifests(path: string): Promise<KubeObject[]> {
  return parseAllDocuments(await readFile(path, 'utf8')).map((d) => d.toJS() as KubeObject).filter((o) => o?.kind);
}
