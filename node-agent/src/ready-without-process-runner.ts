import type { RunningPod } from './echo-pod-runner.ts';
import { LogBuffer } from './log-buffer.ts';
import type { PodAddressPool } from './pod-address-pool.ts';
import type { AgentObject } from './pod-object.ts';
import { podKey } from './pod-object.ts';
import { READY_WITHOUT_PROCESS_REPOSITORIES } from './upstream-images.ts';

/**
 * Gives a pod of an allowlisted image (READY_WITHOUT_PROCESS_REPOSITORIES) an address and
 * reports it Ready while nothing runs: a connection to it is refused. Says so in the agent's log
 * and in the pod's own log, every time.
 */
export class ReadyWithoutProcessRunner {
  private readonly running = new Map<string, RunningPod>();

  constructor(
    private readonly addresses: PodAddressPool,
    private readonly log: (line: string) => void,
  ) {}

  get(key: string): RunningPod | undefined {
    return this.running.get(key);
  }

  start(pod: AgentObject): Promise<RunningPod> {
    const ip = this.addresses.allocate();
    const logs = new LogBuffer();
    const line = `pod ${podKey(pod)} marked Ready without running a process (image on the allowlist ${READY_WITHOUT_PROCESS_REPOSITORIES.join(', ')}); address ${ip} accepts no connections`;
    logs.push(line);
    this.log(line);
    const started: RunningPod = { uid: pod.metadata.uid ?? '', ip, logs, stop: () => Promise.resolve() };
    this.running.set(podKey(pod), started);
    return Promise.resolve(started);
  }

  stop(key: string): Promise<void> {
    const current = this.running.get(key);
    this.running.delete(key);
    if (current) this.addresses.release(current.ip);
    return Promise.resolve();
  }

  linesOf(namespace: string, pod: string): ReturnType<LogBuffer['snapshot']> | undefined {
    return this.running.get(`${namespace}/${pod}`)?.logs.snapshot();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((key) => this.stop(key)));
  }
}
