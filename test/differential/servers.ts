import { existsSync } from 'node:fs';
import { locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { startControlPlane } from '../../harness/cluster/control-plane/control-plane.ts';
import { gatewayApiCrdFolder, installGatewayApiManifests, readGatewayApiManifests } from '../../harness/cluster/control-plane/gateway-api-crds.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { startEmbeddedCluster } from '../../embedded-cluster/src/index.ts';
import { loadKubeconfig } from '../../kube-rest/kubeconfig.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import { freeLoopbackPorts } from './free-ports.ts';

export type Channel = 'standard' | 'experimental';

/**
 * The release and channel whose upstream CRDs a run installs. v1.7.0's experimental channel is not
 * compared: the embedded cluster's experimental rules follow v1.6 (session persistence, XBackend and
 * BackendTLSPolicy CA rules changed there).
 */
export interface CrdSet {
  readonly version: string;
  readonly channel: Channel;
}
export const CRD_SETS: readonly CrdSet[] = [
  { version: 'v1.6.1', channel: 'standard' },
  { version: 'v1.6.1', channel: 'experimental' },
  { version: 'v1.7.0', channel: 'standard' },
];

/** One API server under comparison, reached over REST like any client would. */
export interface ServerUnderTest {
  readonly client: KubeRestClient;
  stop(): Promise<void>;
}

/** The real control plane needs root (its components' run folder and ports) and the built binaries. */
export function realServerAvailable(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    const binaries = locateBinaries({});
    return existsSync(binaries.kubeApiserver);
  } catch {
    return false;
  }
}

/** kube-apiserver v1.36 with the release's upstream CRDs of `channel` installed. */
export async function startRealServer({ version, channel }: CrdSet): Promise<ServerUnderTest> {
  const [etcdClient, etcdPeer, apiserver, controllerManager] = await freeLoopbackPorts(4);
  const plane = await startControlPlane({
    binaries: locateBinaries({}),
    advertiseAddress: '127.0.0.1',
    ports: { etcdClient: etcdClient!, etcdPeer: etcdPeer!, apiserver: apiserver!, controllerManager: controllerManager! },
  });
  try {
    const kube = KubeClient.load({ kubeconfigPath: plane.kubeconfigs.suite, userAgent: 'differential' });
    await installGatewayApiManifests(kube, await readGatewayApiManifests(await gatewayApiCrdFolder(version, channel)));
    const client = new KubeRestClient(loadKubeconfig(plane.kubeconfigs.suite));
    return { client, stop: () => (client.close(), plane.stop()) };
  } catch (error) {
    await plane.stop();
    throw error;
  }
}

export async function startEmbeddedServer({ version, channel }: CrdSet): Promise<ServerUnderTest> {
  const cluster = await startEmbeddedCluster({ gatewayAPIVersion: version, gatewayAPIChannel: channel, workloads: false });
  const client = new KubeRestClient(loadKubeconfig(cluster.kubeconfigPath));
  return { client, stop: () => (client.close(), cluster.stop()) };
}
