import { startEchoServer } from '../../../echo-server/src/index.ts';
import type { ApiObject } from '../api-object.ts';
import { isRecord } from '../api-object.ts';
import type { LogLine, PodLogSource } from '../pod-log-source.ts';
import type { ResourceService } from '../resource-service.ts';
import { containerPort, echoListenConfig } from './echo-listen-config.ts';
import { ECHO_IMAGE_ONLY_MESSAGE, isEchoImage } from './echo-image.ts';
import type { PodIpAllocator } from './ip-allocator.ts';
import { LogBuffer } from './log-buffer.ts';
import { containers, runningStatus, waitingStatus } from './pod-status.ts';
import { PodStartError } from './pod-start-error.ts';

interface RunningPod {
  readonly uid: string;
  readonly ip: string;
  readonly logs: LogBuffer;
  readonly stop: () => Promise<void>;
}

// How many addresses to try when another process already listens on one.
const MAX_BIND_ATTEMPTS = 20;

/**
 * Plays kubelet: runs each pod's echo container in-process on its own loopback address, writes
 * the pod status, and stops the container when the pod goes away. Pods with other images stay
 * Pending with a waiting reason that says why.
 */
export class Kubelet implements PodLogSource {
  private readonly running = new Map<string, RunningPod>();

  constructor(
    private readonly service: ResourceService,
    private readonly ips: PodIpAllocator,
  ) {}

  /** Brings the pod `namespace/name` to its desired state. */
  async reconcile(namespace: string, name: string): Promise<void> {
    const key = `${namespace}/${name}`;
    const pod = this.service.find(this.podDef(), namespace, name);
    const current = this.running.get(key);
    if (current && (!pod || pod.metadata.deletionTimestamp || pod.metadata.uid !== current.uid)) {
      this.running.delete(key);
      this.ips.release(current.ip);
      await current.stop();
    }
    if (!pod || pod.metadata.deletionTimestamp || this.running.has(key)) return;
    const images = containers(pod).map((c) => (typeof c.image === 'string' ? c.image : undefined));
    if (images.length === 0 || !images.every(isEchoImage)) {
      return this.writeStatus(pod, waitingStatus(pod, 'ImageNotSupported', `${ECHO_IMAGE_ONLY_MESSAGE}; got ${images.join(', ')}`));
    }
    try {
      const started = await this.start(pod);
      const still = this.service.find(this.podDef(), namespace, name);
      if (!still || still.metadata.uid !== started.uid || still.metadata.deletionTimestamp) {
        this.ips.release(started.ip);
        await started.stop();
        return;
      }
      this.running.set(key, started);
      this.writeStatus(still, runningStatus(still, started.ip));
    } catch (error) {
      if (!(error instanceof PodStartError)) throw error;
      this.writeStatus(pod, waitingStatus(pod, error.reason, error.message));
    }
  }

  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined {
    return this.running.get(`${namespace}/${pod}`)?.logs.snapshot();
  }

  /** Pods that do not run yet and may start once a Secret or ConfigMap shows up. */
  waitingPods(namespace: string): string[] {
    return this.service
      .list(this.podDef(), namespace)
      .filter((p) => !this.running.has(`${namespace}/${p.metadata.name ?? ''}`))
      .map((p) => p.metadata.name ?? '');
  }

  async stop(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map((p) => p.stop()));
  }

  private async start(pod: ApiObject): Promise<RunningPod> {
    const container = containers(pod)[0]!;
    const logs = new LogBuffer();
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_BIND_ATTEMPTS; attempt++) {
      const ip = this.ips.allocate();
      try {
        const config = echoListenConfig(pod, container, ip, (kind, name) => this.lookup(pod, kind, name));
        const server = await startEchoServer({ host: ip, ...config, log: (line) => logs.push(line) });
        return { uid: pod.metadata.uid ?? '', ip, logs, stop: () => server.stop() };
      } catch (error) {
        lastError = error;
        if (!isAddressInUse(error)) {
          this.ips.release(ip);
          if (error instanceof PodStartError) throw error;
          throw new PodStartError('RunContainerError', `echo server failed to start: ${(error as Error).message}`, pod.metadata.name ?? '', { cause: error });
        }
        // Someone else holds this address: keep it reserved and try the next one.
      }
    }
    throw new PodStartError('RunContainerError', `no free address for port ${containerPort(container)}: ${(lastError as Error).message}`, pod.metadata.name ?? '', { cause: lastError });
  }

  private lookup(pod: ApiObject, kind: 'Secret' | 'ConfigMap', name: string): ApiObject | undefined {
    const def = this.service.registry.byKind('', kind);
    return def ? this.service.find(def, pod.metadata.namespace ?? '', name) : undefined;
  }

  private writeStatus(pod: ApiObject, status: Record<string, unknown>): void {
    if (samePodStatus(pod.status, status)) return;
    this.service.update(this.podDef(), pod.metadata.namespace ?? '', pod.metadata.name ?? '', { ...pod, metadata: { ...pod.metadata, resourceVersion: undefined }, status }, 'status');
  }

  private podDef() {
    return this.service.registry.byKind('', 'Pod')!;
  }
}

function isAddressInUse(error: unknown): boolean {
  for (let e: unknown = error; isRecord(e) || e instanceof Error; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 'EADDRINUSE') return true;
  }
  return false;
}

/** Status equality ignoring timestamps, so repeated reconciles do not rewrite the same status. */
function samePodStatus(a: unknown, b: unknown): boolean {
  const strip = (s: unknown): string => JSON.stringify(s, (k, v: unknown) => (/(Time|startedAt)$/.test(k) ? undefined : v));
  return strip(a) === strip(b);
}
