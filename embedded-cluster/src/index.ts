import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayCrds } from './crds.ts';
import { Discovery } from './discovery.ts';
import { startGarbageCollector } from './garbage-collector.ts';
import { writeKubeconfig } from './kubeconfig.ts';
import type { PodLogSource } from './pod-log-source.ts';
import { ResourceRegistry, resourceKey } from './registry.ts';
import { ResourceService } from './resource-service.ts';
import { ApiServer } from './server.ts';
import { createServingCertificate } from '../../kube-rest/serving-certificate.ts';
import { ObjectStore } from './store.ts';
import { validateObject } from './validation/index.ts';
import { DEFAULT_BUNDLE_VERSION } from './validation/release.ts';
import { WatchHub } from './watch.ts';
import { WorkloadControllers } from './workloads/workload-controllers.ts';
import type { NodeAgent } from '../../node-agent/src/index.ts';
import { startNodeAgent } from '../../node-agent/src/index.ts';

export interface EmbeddedClusterOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // default 0 (free port)
  kubeconfigPath?: string; // where to write the kubeconfig; default a new temp file
  /** Kinds to leave out, as if their CRDs were not installed, e.g. ['GRPCRoute'] or ['*.gateway.networking.k8s.io'] for all Gateway API kinds. */
  disabledKinds?: string[];
  /** Run the Deployment and EndpointSlice controllers and a node agent that runs echo pods (default true). */
  workloads?: boolean;
  /** Gateway API bundle version/channel: written as CRD annotations, and the release whose CRD rules validation follows (default 'v1.6.1' / 'standard'). */
  gatewayAPIVersion?: string;
  gatewayAPIChannel?: 'standard' | 'experimental';
}

export interface EmbeddedCluster {
  readonly url: string;
  readonly token: string;
  readonly kubeconfigPath: string;
  /** PEM of the self-signed serving certificate (the kubeconfig carries it as certificate-authority-data). */
  readonly caPem: string;
  /** Requests served, by verb (get/list/watch/create/update/patch/delete) and in total. */
  stats(): { total: number; byVerb: Record<string, number> };
  stop(): Promise<void>;
}

const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The node the embedded cluster's node agent registers; pods listen on loopback addresses. */
export const EMBEDDED_NODE = { name: 'embedded', address: '127.0.0.1', podAddresses: '127.1.0.0/16' } as const;

/**
 * Starts a loopback Kubernetes API server in this process (HTTPS with a self-signed certificate,
 * bearer token) plus, unless `workloads: false`, the Deployment and EndpointSlice controllers and
 * the node agent (node-agent/), which reaches this server over REST through the kubeconfig, exactly
 * as it reaches a real one. Writes a kubeconfig with context `embedded`. `stop()` ends every pod,
 * watch and connection.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions = {}): Promise<EmbeddedCluster> {
  const host = options.host ?? '127.0.0.1';
  const registry = new ResourceRegistry(options.disabledKinds ?? []);
  const store = new ObjectStore();
  const channel = options.gatewayAPIChannel ?? 'standard';
  const bundleVersion = options.gatewayAPIVersion ?? DEFAULT_BUNDLE_VERSION;
  const service = new ResourceService(store, registry, (obj, old, subresource) =>
    validateObject(obj, old, { channel, bundleVersion, ...(subresource ? { subresource } : {}) }),
  );
  const namespaces = registry.find('', 'v1', 'namespaces')!;
  for (const name of INITIAL_NAMESPACES) service.create(namespaces, '', { metadata: { name } });
  const crdDef = registry.find('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;
  for (const crd of gatewayCrds(registry, bundleVersion, channel)) {
    store.insert(resourceKey(crdDef), crd);
  }
  const stopGc = startGarbageCollector(store, registry);
  const controllers = options.workloads === false ? undefined : new WorkloadControllers(service);
  // The server needs a log source before the agent (which needs the server's URL) exists.
  let agent: NodeAgent | undefined;
  const logs: PodLogSource = { linesOf: (namespace, pod) => agent?.linesOf(namespace, pod) };

  const token = randomBytes(32).toString('hex');
  const certificate = await createServingCertificate(host);
  let serverAddress = '';
  const server = new ApiServer({
    token,
    service,
    discovery: new Discovery(registry, () => serverAddress),
    watches: new WatchHub(store),
    logs,
    certificate,
  });
  const address = await server.listen(host, options.port ?? 0);
  serverAddress = `${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const url = `https://${serverAddress}`;

  const ownDir = options.kubeconfigPath ? undefined : await mkdtemp(join(tmpdir(), 'embedded-cluster-'));
  const kubeconfigPath = options.kubeconfigPath ?? join(ownDir!, 'kubeconfig');
  await writeKubeconfig(kubeconfigPath, url, token, certificate.certPem);
  if (controllers) {
    try {
      agent = await startNodeAgent({
        kubeconfigPath,
        nodeName: EMBEDDED_NODE.name,
        nodeAddress: EMBEDDED_NODE.address,
        podAddresses: EMBEDDED_NODE.podAddresses,
        log: (line) => process.stderr.write(`embedded-cluster: ${line}\n`),
      });
    } catch (error) {
      await controllers.stop();
      stopGc();
      await server.close();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
      throw error;
    }
  }

  let stopped: Promise<void> | undefined;
  return {
    url,
    token,
    kubeconfigPath,
    caPem: certificate.certPem,
    stats: () => ({ total: server.stats.total, byVerb: { ...server.stats.byVerb } }),
    stop: () =>
      (stopped ??= (async () => {
        await agent?.stop();
        await controllers?.stop();
        stopGc();
        await server.close();
        if (ownDir) await rm(ownDir, { recursive: true, force: true });
      })()),
  };
}
