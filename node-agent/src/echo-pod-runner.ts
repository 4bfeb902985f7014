import { startEchoServer } from '../../echo-server/src/index.ts';
import type { ObjectLookup } from './container-config.ts';
import { containerPort, echoListenConfig } from './echo-listen-config.ts';
import type { LogLine } from './log-buffer.ts';
import { LogBuffer } from './log-buffer.ts';
import type { PodAddressPool } from './pod-address-pool.ts';
import type { AgentObject, NodeIdentity } from './pod-object.ts';
import { containers, isRecord, podKey } from './pod-object.ts';
import { PodStartError } from './pod-start-error.ts';

/** One pod's echo server, running in this process on the pod's own address. */
export interface RunningPod {
  readonly uid: string;
  readonly ip: string;
  readonly logs: LogBuffer;
  readonly stop: () => Promise<void>;
}

// How many addresses to try when another process already listens on one.
const MAX_BIND_ATTEMPTS = 20;

/**
 * The agent's container runtime: runs a pod's echo container in-process on an address from the
 * pool, resolving env and mounted files first, and stops it again. Knows nothing of the API.
 */
export class EchoPodRunner {
  private readonly running = new Map<string, RunningPod>();

  constructor(
    private readonly node: NodeIdentity,
    private readonly addresses: PodAddressPool,
  ) {}

  get(key: string): RunningPod | undefined {
    return this.running.get(key);
  }

  /** Resolves once the echo server listens; PodStartError says why it cannot start (yet). */
  async start(pod: AgentObject, lookup: ObjectLookup): Promise<RunningPod> {
    const container = containers(pod)[0]!;
    const logs = new LogBuffer();
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_BIND_ATTEMPTS; attempt++) {
      const ip = this.addresses.allocate();
      try {
        const config = echoListenConfig(pod, container, { podIP: ip, node: this.node, lookup });
        const server = await startEchoServer({ host: ip, ...config, log: (line) => logs.push(line) });
        const started = { uid: pod.metadata.uid ?? '', ip, logs, stop: () => server.stop() };
        this.running.set(podKey(pod), started);
        return started;
      } catch (error) {
        lastError = error;
        if (!isAddressInUse(error)) {
          this.addresses.release(ip);
          if (error instanceof PodStartError) throw error;
          throw new PodStartError('RunContainerError', `echo server failed to start: ${(error as Error).message}`, pod.metadata.name, { cause: error });
        }
        // Someone else holds this address: keep it reserved and try the next one.
      }
    }
    throw new PodStartError('RunContainerError', `no free address for port ${containerPort(container)}: ${(lastError as Error).message}`, pod.metadata.name, { cause: lastError });
  }

  /** Stops the pod's server and hands its address back. */
  async stop(key: string): Promise<void> {
    const current = this.running.get(key);
    if (!current) return;
    this.running.delete(key);
    await current.stop();
    this.addresses.release(current.ip);
  }

  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined {
    return this.running.get(`${namespace}/${pod}`)?.logs.snapshot();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((key) => this.stop(key)));
  }
}

function isAddressInUse(error: unknown): boolean {
  for (let e: unknown = error; isRecord(e) || e instanceof Error; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 'EADDRINUSE') return true;
  }
  return false;
}
