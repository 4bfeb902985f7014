import type { ApiObject } from '../api-object.ts';
import { isRecord, nowTimestamp } from '../api-object.ts';

/** Status of a pod whose echo container runs at `podIP`. */
export function runningStatus(pod: ApiObject, podIP: string): Record<string, unknown> {
  const now = nowTimestamp();
  const condition = (type: string): Record<string, unknown> => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: now });
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP: '127.0.0.1',
    hostIPs: [{ ip: '127.0.0.1' }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
    qosClass: 'BestEffort',
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: c.image,
      containerID: `embedded://${pod.metadata.uid ?? ''}/${String(c.name)}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now } },
    })),
  };
}

/** Status of a pod that cannot run (yet): Pending, its containers waiting with `reason`. */
export function waitingStatus(pod: ApiObject, reason: string, message: string): Record<string, unknown> {
  const now = nowTimestamp();
  return {
    phase: 'Pending',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message, lastProbeTime: null, lastTransitionTime: now },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message, lastProbeTime: null, lastTransitionTime: now },
    ],
    hostIP: '127.0.0.1',
    hostIPs: [{ ip: '127.0.0.1' }],
    startTime: now,
    qosClass: 'BestEffort',
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason, message } },
    })),
  };
}

export function containers(pod: ApiObject): Record<string, unknown>[] {
  return Array.isArray(pod.spec?.containers) ? pod.spec.containers.filter(isRecord) : [];
}

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: ApiObject): boolean {
  const conditions = Array.isArray(pod.status?.conditions) ? pod.status.conditions.filter(isRecord) : [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
