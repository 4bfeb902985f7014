import type { ObjectLookup } from './container-config.ts';
import { ECHO_IMAGE_ONLY_MESSAGE } from './echo-image.ts';
import type { PodApi } from './pod-api.ts';
import type { PodEventRecorder } from './pod-events.ts';
import type { PodRuntime } from './pod-runtime.ts';
import type { AgentObject, NodeIdentity } from './pod-object.ts';
import { containers } from './pod-object.ts';
import { PodStartError } from './pod-start-error.ts';
import { runningStatus, samePodStatus, waitingStatus } from './pod-status.ts';

/** Where the reconciler reads the latest watched state from. */
export interface PodView {
  pod(key: string): AgentObject | undefined;
  lookup(namespace: string): ObjectLookup;
}

const DEFAULT_SCHEDULER = 'default-scheduler';

/** Kubelet reasons for the Event that goes with a waiting reason. */
const EVENT_REASON: Record<PodStartError['reason'], string> = {
  ContainerCreating: 'FailedMount',
  CreateContainerConfigError: 'Failed',
  // A kubelet that cannot pull says BackOff; the agent never can, so it says so at once.
  ImagePullBackOff: 'BackOff',
  RunContainerError: 'Failed',
};

/**
 * Brings one pod (by `namespace/name`) to its desired state, one task per pod at a time (the
 * caller's keyed queue): binds it when no scheduler did, runs it when it is on this node,
 * says why when it cannot, and finalizes its deletion.
 */
export class PodReconciler {
  constructor(
    private readonly node: NodeIdentity,
    private readonly view: PodView,
    private readonly runner: PodRuntime,
    private readonly api: PodApi,
    private readonly events: PodEventRecorder,
  ) {}

  async reconcile(key: string): Promise<void> {
    const pod = this.view.pod(key);
    const current = this.runner.get(key);
    if (current && (!pod || pod.metadata.uid !== current.uid || pod.metadata.deletionTimestamp)) await this.runner.stop(key);
    if (!pod) return this.events.forget(key);
    const nodeName = typeof pod.spec?.nodeName === 'string' && pod.spec.nodeName !== '' ? pod.spec.nodeName : undefined;
    if (pod.metadata.deletionTimestamp) {
      // A real server keeps a bound pod until its kubelet confirms the containers are gone.
      if (nodeName === this.node.name) await this.api.confirmDeletion(pod);
      return;
    }
    if (nodeName === undefined) {
      if (this.isOursToSchedule(pod)) await this.api.bind(pod, this.node.name);
      return;
    }
    if (nodeName !== this.node.name || isFinished(pod)) return;
    const running = this.runner.get(key);
    if (running) return this.writeStatus(pod, runningStatus(pod, running.ip, this.node.address));

    const images = containers(pod).map((c) => (typeof c.image === 'string' ? c.image : undefined));
    if (!this.runner.runs(images)) {
      const image = images.find((i) => !this.runner.runs([i])) ?? images.join(', ');
      return this.cannotStart(pod, new PodStartError('ImagePullBackOff', `Back-off pulling image "${image}": ${ECHO_IMAGE_ONLY_MESSAGE}`, pod.metadata.name));
    }
    try {
      const started = await this.runner.start(pod, this.view.lookup(pod.metadata.namespace ?? ''));
      const still = this.view.pod(key);
      if (!still || still.metadata.uid !== started.uid || still.metadata.deletionTimestamp) return await this.runner.stop(key);
      await this.writeStatus(still, runningStatus(still, started.ip, this.node.address));
    } catch (error) {
      if (!(error instanceof PodStartError)) throw error;
      await this.cannotStart(pod, error);
    }
  }

  private isOursToSchedule(pod: AgentObject): boolean {
    const scheduler = pod.spec?.schedulerName;
    return scheduler === undefined || scheduler === '' || scheduler === DEFAULT_SCHEDULER;
  }

  private async cannotStart(pod: AgentObject, error: PodStartError): Promise<void> {
    await this.writeStatus(pod, waitingStatus(pod, this.node.address, error.reason, error.message));
    await this.events.warn(pod, EVENT_REASON[error.reason], error.message);
  }

  private async writeStatus(pod: AgentObject, status: Record<string, unknown>): Promise<void> {
    if (samePodStatus(pod.status, status)) return;
    await this.api.writeStatus(pod, status);
  }
}

function isFinished(pod: AgentObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
