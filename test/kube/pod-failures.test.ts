// The classifier on hand-made Pods and Events: which states end a wait at once, which need a
// second look, and what the one line says.
import { describe, expect, it } from 'vitest';
import { describePodProblem, newestWarning, PodFailureClassifier, selectorMatcher } from '../../harness/kube/pod-failures.ts';
import type { KubeObject } from '../../harness/kube/types.ts';

const NS = 'grpc-conformance-infra';

function pod(name: string, status: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS, uid: `uid-${name}`, ...extra }, status };
}
const waiting = (reason: string, message = `${reason} message`, restartCount = 0) => ({
  containerStatuses: [{ name: 'backend', restartCount, state: { waiting: { reason, message } } }],
});
const unschedulable = { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient cpu.' }] };

function event(podName: string, reason: string, message: string, lastTimestamp: string, type = 'Warning'): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: `${podName}.${reason}`, namespace: NS }, type, reason, message, lastTimestamp, involvedObject: { kind: 'Pod', name: podName } };
}

describe('PodFailureClassifier', () => {
  it.each(['ImagePullBackOff', 'InvalidImageName', 'CrashLoopBackOff'])('reports %s on the first observation', (reason) => {
    expect(new PodFailureClassifier().observe([pod('a', waiting(reason))])).toEqual({ pod: 'a', namespace: NS, reason, message: `${reason} message` });
  });

  it.each(['ErrImagePull', 'CreateContainerConfigError', 'CreateContainerError'])('reports %s only when two consecutive observations show it', (reason) => {
    const classifier = new PodFailureClassifier();
    expect(classifier.observe([pod('a', waiting(reason))])).toBeUndefined();
    expect(classifier.observe([pod('a', waiting(reason))])).toMatchObject({ pod: 'a', reason });
  });

  it('forgets an ErrImagePull that a retry cleared', () => {
    const classifier = new PodFailureClassifier();
    expect(classifier.observe([pod('a', waiting('ErrImagePull'))])).toBeUndefined();
    expect(classifier.observe([pod('a', waiting('ContainerCreating'))])).toBeUndefined();
    expect(classifier.observe([pod('a', waiting('ErrImagePull'))])).toBeUndefined();
  });

  it('ignores a replaced pod: the same name with a new uid starts over', () => {
    const classifier = new PodFailureClassifier();
    expect(classifier.observe([pod('a', waiting('ErrImagePull'))])).toBeUndefined();
    expect(classifier.observe([pod('a', waiting('ErrImagePull'), { uid: 'other' })])).toBeUndefined();
  });

  it('calls a container restarted twice a crash loop, with its last exit', () => {
    const status = { containerStatuses: [{ name: 'backend', restartCount: 2, state: { running: {} }, lastState: { terminated: { reason: 'Error', exitCode: 1 } } }] };
    expect(new PodFailureClassifier().observe([pod('a', status)])).toEqual({
      pod: 'a',
      namespace: NS,
      reason: 'CrashLoopBackOff',
      message: 'container backend restarted 2 times, last exit Error (code 1)',
    });
    const once = { containerStatuses: [{ name: 'backend', restartCount: 1, state: { running: {} } }] };
    expect(new PodFailureClassifier().observe([pod('a', once)])).toBeUndefined();
  });

  it('looks at init containers too', () => {
    const status = { initContainerStatuses: [{ name: 'init', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x"' } } }] };
    expect(new PodFailureClassifier().observe([pod('a', status)])).toMatchObject({ reason: 'ImagePullBackOff' });
  });

  it('passes over normal start-up states and pods being deleted', () => {
    const classifier = new PodFailureClassifier();
    for (let i = 0; i < 3; i++) {
      expect(classifier.observe([pod('a', waiting('ContainerCreating')), pod('b', waiting('ImagePullBackOff'), { deletionTimestamp: '2026-01-01T00:00:00Z' }), pod('c', {})])).toBeUndefined();
    }
  });

  it('reports Unschedulable only after the grace, counted from when it was first seen', () => {
    let now = 1_000;
    const classifier = new PodFailureClassifier(5_000, () => now);
    expect(classifier.observe([pod('a', unschedulable)])).toBeUndefined();
    now += 4_999;
    expect(classifier.observe([pod('a', unschedulable)])).toBeUndefined();
    now += 1;
    expect(classifier.observe([pod('a', unschedulable)])).toEqual({ pod: 'a', namespace: NS, reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient cpu.' });
  });

  it('restarts the grace when a pod was scheduled in between', () => {
    let now = 0;
    const classifier = new PodFailureClassifier(5_000, () => now);
    classifier.observe([pod('a', unschedulable)]);
    now = 3_000;
    classifier.observe([pod('a', {})]);
    now = 6_000;
    expect(classifier.observe([pod('a', unschedulable)])).toBeUndefined();
  });
});

describe('newestWarning', () => {
  it('prefers the newest explaining Warning about the pod', () => {
    const events = [
      event('a', 'Failed', 'Failed to pull image "x": not found', '2026-01-01T00:00:01Z'),
      event('a', 'BackOff', 'Back-off pulling image "x"', '2026-01-01T00:00:03Z'),
      event('a', 'SomethingElse', 'newer but unexplaining', '2026-01-01T00:00:09Z'),
      event('a', 'Pulling', 'Pulling image "x"', '2026-01-01T00:00:05Z', 'Normal'),
      event('b', 'Failed', 'another pod', '2026-01-01T00:00:07Z'),
    ];
    expect(newestWarning(events, 'a')).toBe('BackOff: Back-off pulling image "x"');
  });

  it('falls back to any Warning, and to nothing', () => {
    expect(newestWarning([event('a', 'Odd', 'odd thing', '2026-01-01T00:00:01Z')], 'a')).toBe('Odd: odd thing');
    expect(newestWarning([], 'a')).toBeUndefined();
  });
});

describe('describePodProblem', () => {
  const image = { pod: 'backend-1', namespace: NS, reason: 'ImagePullBackOff', message: 'Back-off pulling image "bad/echo:v0"' };

  it('names the pod, the reason, the message, the event and the fix in one line', () => {
    expect(describePodProblem(image, 'Failed: Failed to pull image "bad/echo:v0": not found')).toBe(
      `pod ${NS}/backend-1: ImagePullBackOff: Back-off pulling image "bad/echo:v0": Failed: Failed to pull image "bad/echo:v0": not found; fix: pass --echo-image with an echo server image the nodes can pull (see docs/echo-image.md)`,
    );
  });

  it('does not repeat an event that says what the status says', () => {
    expect(describePodProblem(image, 'BackOff: Back-off pulling image "bad/echo:v0"')).toBe(
      `pod ${NS}/backend-1: ImagePullBackOff: Back-off pulling image "bad/echo:v0"; fix: pass --echo-image with an echo server image the nodes can pull (see docs/echo-image.md)`,
    );
  });

  it('points an unschedulable pod at the scheduler message', () => {
    const line = describePodProblem({ pod: 'p', namespace: NS, reason: 'Unschedulable', message: '0/1 nodes are available: 1 node(s) had untolerated taint' }, 'FailedScheduling: 0/1 nodes are available: 1 node(s) had untolerated taint');
    expect(line).toMatch(/^pod grpc-conformance-infra\/p: Unschedulable: 0\/1 nodes are available: 1 node\(s\) had untolerated taint; fix: give the cluster room/);
  });
});

describe('selectorMatcher', () => {
  const deployment = (selector: unknown): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector } });

  it('matches matchLabels and every matchExpressions operator', () => {
    const match = selectorMatcher(
      deployment({
        matchLabels: { app: 'v1' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['backend'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'Exists' },
          { key: 'track', operator: 'NotIn', values: ['old'] },
        ],
      }),
    );
    expect(match({ app: 'v1', tier: 'backend', zone: 'a' })).toBe(true);
    expect(match({ app: 'v2', tier: 'backend', zone: 'a' })).toBe(false);
    expect(match({ app: 'v1', tier: 'frontend', zone: 'a' })).toBe(false);
    expect(match({ app: 'v1', tier: 'backend', zone: 'a', canary: 'x' })).toBe(false);
    expect(match({ app: 'v1', tier: 'backend' })).toBe(false);
    expect(match({ app: 'v1', tier: 'backend', zone: 'a', track: 'old' })).toBe(false);
  });
});
