import { KindInformer } from '../../kube-rest/informer.ts';
import { loadKubeconfig } from '../../kube-rest/kubeconfig.ts';
import { ObjectCache } from '../../kube-rest/object-cache.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import { CORE } from './core-types.ts';
import type { WatchedKind } from './core-types.ts';
import { EchoBasicPodRunner } from './echo-basic-pod-runner.ts';
import type { EchoBasicRunnerOptions } from './echo-basic-pod-runner.ts';
import { isEchoImage } from './echo-image.ts';
import { EchoPodRunner } from './echo-pod-runner.ts';
import { startKubeletLogServer } from './kubelet-log-server.ts';
import type { LogLine } from './log-buffer.ts';
import { ensureNodeReady, registerNode } from './node-registration.ts';
import { PodAddressPool } from './pod-address-pool.ts';
import { PodApi } from './pod-api.ts';
import { PodEventRecorder } from './pod-events.ts';
import type { AgentObject } from './pod-object.ts';
import { PodReconciler } from './pod-reconciler.ts';
import { PodRuntime } from './pod-runtime.ts';
import type { RuntimeChoice } from './pod-runtime.ts';
import { ReadyWithoutProcessRunner } from './ready-without-process-runner.ts';
import { isReadyWithoutProcessImage, isUpstreamEchoBasicImage } from './upstream-images.ts';
import { RetryingQueue } from './retrying-queue.ts';

export type { LogLine } from './log-buffer.ts';
export { isEchoImage, ECHO_IMAGE_ONLY_MESSAGE } from './echo-image.ts';

export interface NodeAgentOptions {
  /** Kubeconfig of the API server to serve (embedded or real); the agent talks to it only over REST. */
  kubeconfigPath: string;
  /** Context in the kubeconfig; default its current context. */
  context?: string;
  /** Name of the Node the agent registers and binds pods to. */
  nodeName: string;
  /** The Node's InternalIP, also every pod's hostIP. */
  nodeAddress: string;
  /** IPv4 CIDR the pod addresses come from; every address in it must be bindable here (e.g. 127.1.0.0/16). */
  podAddresses: string;
  /**
   * Serve the kubelet's containerLogs endpoint on nodeAddress:kubeletPort, for a real API server's
   * pods/log. Unset: no endpoint (the embedded server reads `linesOf` in process).
   */
  kubeletPort?: number;
  /**
   * Run upstream's real echo-basic for pods of upstream's echo-basic images (each in a network
   * namespace of its own, addresses from `podAddresses`, which must not be bound here), and mark
   * pods of the allowlisted images upstream's base manifests also deploy (coredns) Ready without a
   * process. Unset: every echo image runs in-process, as before. Needs root and `ip`.
   */
  echoBasic?: EchoBasicRunnerOptions & { podAddresses: string };
  /** Problems worth a look (failed reconciles, broken watches); default: dropped. */
  log?: (line: string) => void;
}

export interface NodeAgent {
  /** Stops watching and every pod's server. The Node and the pods stay in the API, as with a stopped kubelet. */
  stop(): Promise<void>;
  /** Lines a pod's echo server wrote, oldest first; undefined when the pod does not run here. */
  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined;
}

/**
 * Starts the node agent, the project's stand-in for a kubelet: registers a Ready Node, binds pods
 * no scheduler bound, runs echo pods in-process on their own addresses and reports their status,
 * and confirms pod deletions. Resolves once the Node is registered and the first lists are in.
 */
export async function startNodeAgent(options: NodeAgentOptions): Promise<NodeAgent> {
  const log = options.log ?? (() => {});
  const node = { name: options.nodeName, address: options.nodeAddress, kubeletPort: options.kubeletPort };
  const client = new KubeRestClient(loadKubeconfig(options.kubeconfigPath, options.context));
  const inProcess: RuntimeChoice = { takes: isEchoImage, runner: new EchoPodRunner(node, new PodAddressPool(options.podAddresses, [options.nodeAddress])) };
  const runner = new PodRuntime(options.echoBasic ? [...upstreamImageRunners(node, options.echoBasic, log), inProcess] : [inProcess]);
  const cache = new ObjectCache<WatchedKind>((kind, keys) => onChange(kind, keys));
  const view = {
    pod: (key: string) => cache.get<AgentObject>('Pod', key),
    lookup: (namespace: string) => (kind: 'Secret' | 'ConfigMap', name: string) => cache.get<AgentObject>(kind, `${namespace}/${name}`),
  };
  const reconciler = new PodReconciler(node, view, runner, new PodApi(client), new PodEventRecorder(client, node.name, log));
  const pods = new RetryingQueue((key) => reconciler.reconcile(key), log);
  const nodeQueue = new RetryingQueue(() => ensureNodeReady(client, node, cache.get<AgentObject>('Node', node.name)), log);

  function onChange(kind: WatchedKind, keys: readonly string[]): void {
    if (kind === 'Pod') for (const key of keys) pods.enqueue(key);
    else if (kind === 'Node') {
      if (keys.includes(node.name)) nodeQueue.enqueue(node.name);
    } else {
      // A Secret or ConfigMap appeared or changed: pods of its namespace that wait for one retry.
      const namespaces = new Set(keys.map((key) => key.slice(0, key.indexOf('/'))));
      for (const pod of cache.list<AgentObject>('Pod')) {
        const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
        if (namespaces.has(pod.metadata.namespace ?? '') && !runner.get(key)) pods.enqueue(key);
      }
    }
  }

  const logServer = options.kubeletPort === undefined ? undefined : await startKubeletLogServer(node.address, options.kubeletPort, (namespace, pod) => runner.linesOf(namespace, pod));
  await registerNode(client, node);
  const informer = (kind: WatchedKind) => new KindInformer(kind, [CORE[kind]], client, cache, log);
  // Pods come last, so their first reconcile already sees every Secret and ConfigMap.
  const supporting = (['Secret', 'ConfigMap', 'Node'] as const).map(informer);
  const podInformer = informer('Pod');
  for (const i of supporting) i.start();
  await Promise.all(supporting.map((i) => i.synced));
  podInformer.start();
  await podInformer.synced;

  let stopping: Promise<void> | undefined;
  return {
    linesOf: (namespace, pod) => runner.linesOf(namespace, pod),
    stop: () =>
      (stopping ??= (async () => {
        for (const i of [...supporting, podInformer]) i.stop();
        await Promise.all([pods.stop(), nodeQueue.stop()]);
        await runner.stopAll();
        await logServer?.stop();
        client.close();
      })()),
  };
}

/** Runners for the images of upstream's base manifests: its echo-basic for real, coredns Ready without a process. */
function upstreamImageRunners(node: { name: string; address: string }, echoBasic: NonNullable<NodeAgentOptions['echoBasic']>, log: (line: string) => void): RuntimeChoice[] {
  const addresses = new PodAddressPool(echoBasic.podAddresses, [node.address]);
  return [
    { takes: isUpstreamEchoBasicImage, runner: new EchoBasicPodRunner(node, addresses, echoBasic) },
    { takes: isReadyWithoutProcessImage, runner: new ReadyWithoutProcessRunner(addresses, log) },
  ];
}
