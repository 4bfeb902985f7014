import type { AgentObject } from './pod-object.ts';
import { containers, isRecord, nowTimestamp } from './pod-object.ts';

type Condition = Record<string, unknown> & { type: string; status: 'True' | 'False' };

/**
 * Status of a pod whose echo containers listen at `podIP`, in the shape a real API server's
 * validation accepts (podIP = podIPs[0], hostIP = hostIPs[0], running containers with IDs).
 * qosClass is left out: the server computed it at creation and it may not change.
 */
export function runningStatus(pod: AgentObject, podIP: string, hostIP: string): Record<string, unknown> {
  const now = nowTimestamp();
  const conditionTypes = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  return {
    phase: 'Running',
    conditions: withTransitionTimes(pod, conditionTypes.map((type) => ({ type, status: 'True' as const }))),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: startTimeOf(pod, now),
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: `in-process://${String(c.image)}`,
      containerID: `in-process://${pod.metadata.uid ?? ''}/${String(c.name)}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now } },
    })),
  };
}

/** Status of a pod that cannot run (yet): Pending, its containers waiting with `reason`. */
export function waitingStatus(pod: AgentObject, hostIP: string, reason: string, message: string): Record<string, unknown> {
  const notReady = { status: 'False' as const, reason: 'ContainersNotReady', message };
  return {
    phase: 'Pending',
    conditions: withTransitionTimes(pod, [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', ...notReady },
      { type: 'ContainersReady', ...notReady },
    ]),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: startTimeOf(pod, nowTimestamp()),
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

/**
 * Status equality ignoring timestamps, key order, nulls (a Go server omits them) and the
 * server-owned qosClass, so repeated reconciles do not rewrite the same status.
 */
export function samePodStatus(a: unknown, b: unknown): boolean {
  return comparable(a) === comparable(b);
}

function comparable(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (v === null || /(Time|startedAt)$/.test(key) || key === 'qosClass') return undefined;
    return isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v;
  });
}

/** A condition keeps its lastTransitionTime while its status stays the same, as the kubelet does. */
function withTransitionTimes(pod: AgentObject, conditions: Condition[]): Record<string, unknown>[] {
  const previous = Array.isArray(pod.status?.conditions) ? pod.status.conditions.filter(isRecord) : [];
  const now = nowTimestamp();
  return conditions.map((c) => {
    const before = previous.find((p) => p.type === c.type);
    const since = before?.status === c.status && typeof before.lastTransitionTime === 'string' ? before.lastTransitionTime : now;
    return { ...c, lastProbeTime: null, lastTransitionTime: since };
  });
}

function startTimeOf(pod: AgentObject, now: string): string {
  return typeof pod.status?.startTime === 'string' ? pod.status.startTime : now;
}
