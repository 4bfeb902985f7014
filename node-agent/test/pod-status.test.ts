import { describe, expect, it } from 'vitest';
import { runningStatus, samePodStatus, waitingStatus } from '../src/pod-status.ts';

const pod = {
  metadata: { name: 'p', namespace: 'ns', uid: 'u-1' },
  spec: { containers: [{ name: 'echo', image: 'ghcr.io/grpcroute-conformance/echo-server:v0.1.0' }] },
  status: { phase: 'Pending', qosClass: 'Burstable', startTime: '2026-01-01T00:00:00Z' },
};

describe('pod status', () => {
  it('keeps podIP/podIPs and hostIP/hostIPs consistent and the first startTime, and leaves qosClass to the server', () => {
    const status = runningStatus(pod, '10.244.128.7', '10.244.0.1');
    expect(status).toMatchObject({ podIP: '10.244.128.7', podIPs: [{ ip: '10.244.128.7' }], hostIP: '10.244.0.1', hostIPs: [{ ip: '10.244.0.1' }], startTime: '2026-01-01T00:00:00Z' });
    expect(status).not.toHaveProperty('qosClass');
  });

  it('keeps a condition transition time while its status holds', () => {
    const waiting = { ...pod, status: { ...pod.status, ...waitingStatus(pod, '10.244.0.1', 'ContainerCreating', 'secret missing') } as Record<string, unknown> };
    const scheduledAt = (s: Record<string, unknown>) => (s.conditions as { type: string; lastTransitionTime: string }[]).find((c) => c.type === 'PodScheduled')!.lastTransitionTime;
    const stamped = { ...waiting, status: { ...waiting.status, conditions: (waiting.status.conditions as object[]).map((c) => ({ ...c, lastTransitionTime: '2026-01-01T00:00:01Z' })) } };
    expect(scheduledAt(runningStatus(stamped, '10.244.128.7', '10.244.0.1'))).toBe('2026-01-01T00:00:01Z');
  });

  it('compares statuses ignoring timestamps, key order, nulls and qosClass, but not content', () => {
    const a = runningStatus(pod, '10.244.128.7', '10.244.0.1');
    const reordered = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(a, (k, v) => (k === 'lastProbeTime' ? undefined : v)))).reverse());
    expect(samePodStatus({ ...reordered, qosClass: 'Burstable' }, a)).toBe(true);
    expect(samePodStatus(runningStatus(pod, '10.244.128.8', '10.244.0.1'), a)).toBe(false);
  });
});
