import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ObjectLookup } from './container-config.ts';
import { echoBasicLaunch } from './echo-basic-env.ts';
import type { RunningPod } from './echo-pod-runner.ts';
import { waitUntilListening } from './listen-probe.ts';
import { LogBuffer } from './log-buffer.ts';
import type { LogLine } from './log-buffer.ts';
import type { PodAddressPool } from './pod-address-pool.ts';
import { createPodNetwork } from './pod-network-namespace.ts';
import type { AgentObject, NodeIdentity } from './pod-object.ts';
import { containers, podKey } from './pod-object.ts';
import { PodStartError } from './pod-start-error.ts';

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export interface EchoBasicRunnerOptions {
  /** Upstream's echo-basic, built from sigs.k8s.io/gateway-api/conformance/echo-basic. */
  readonly binary: string;
  /**
   * Prefix of every pod namespace's name (the run's own namespace name on the control plane), so
   * whoever deletes the run's namespace can find and delete these too after a hard crash.
   */
  readonly namespacePrefix: string;
  /** Where the pods' folders (their Secret and ConfigMap files) go; default the OS temp folder. */
  readonly folder?: string;
}

/**
 * Runs upstream's real echo-basic for a pod, as a process in a network namespace of the pod's
 * own: echo-basic listens on 0.0.0.0, so two pods could not share one namespace. Stopping ends
 * the process, then deletes the namespace (and with it the veth pair) and the pod's folder.
 */
export class EchoBasicPodRunner {
  private readonly running = new Map<string, RunningPod>();
  private counter = 0;

  constructor(
    private readonly node: NodeIdentity,
    private readonly addresses: PodAddressPool,
    private readonly options: EchoBasicRunnerOptions,
  ) {}

  get(key: string): RunningPod | undefined {
    return this.running.get(key);
  }

  async start(pod: AgentObject, lookup: ObjectLookup): Promise<RunningPod> {
    const podName = pod.metadata.name ?? '';
    const id = (++this.counter).toString(36);
    const ip = this.addresses.allocate();
    const podDir = await mkdtemp(join(this.options.folder ?? tmpdir(), 'node-agent-pod-'));
    const undo: (() => Promise<void>)[] = [async () => this.addresses.release(ip), () => rm(podDir, { recursive: true, force: true })];
    const unwind = async (): Promise<void> => {
      for (const step of undo.reverse()) await step().catch(() => {});
    };
    try {
      const launch = await echoBasicLaunch(pod, containers(pod)[0]!, { podIP: ip, node: this.node, lookup }, podDir);
      const network = await createPodNetwork(`${this.options.namespacePrefix}-pod${id}`, `gcpod${id}`, ip, this.node.address).catch((error: unknown) => {
        throw new PodStartError('RunContainerError', `pod network: ${(error as Error).message}`, podName, { cause: error });
      });
      undo.push(() => network.remove());
      const logs = new LogBuffer();
      // The pod's namespace is mounted in this process's mount namespace only (`ip netns exec`
      // made one for the run), so nobody outside can find the process by it: a parent-death signal
      // ends it with the agent, however the agent ends.
      const child = spawn('ip', ['netns', 'exec', network.namespace, 'setpriv', '--pdeathsig', 'KILL', '--', this.options.binary], { env: launch.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<string>((resolve) => {
        child.once('exit', (code, signal) => resolve(signal ?? `code ${String(code)}`));
        child.once('error', (error) => resolve(error.message));
      });
      const stopProcess = async (): Promise<void> => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      };
      undo.push(stopProcess);
      for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => logs.push(line));
      // `ip netns exec` and setpriv exec the binary, so the child's pid is echo-basic's own.
      await waitUntilListening(child.pid ?? 0, launch.probe.protocol, launch.probe.port, exited, READY_TIMEOUT_MS).catch((error: unknown) => {
        const last = logs.snapshot().slice(-5).map((l) => l.text).join(' | ');
        throw new PodStartError('RunContainerError', `echo-basic: ${(error as Error).message}${last ? `; last output: ${last}` : ''}`, podName, { cause: error });
      });
      const started: RunningPod = { uid: pod.metadata.uid ?? '', ip, logs, stop: unwind };
      this.running.set(podKey(pod), started);
      return started;
    } catch (error) {
      await unwind();
      throw error;
    }
  }

  async stop(key: string): Promise<void> {
    const current = this.running.get(key);
    if (!current) return;
    this.running.delete(key);
    await current.stop();
  }

  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined {
    return this.running.get(`${namespace}/${pod}`)?.logs.snapshot();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((key) => this.stop(key)));
  }
}
