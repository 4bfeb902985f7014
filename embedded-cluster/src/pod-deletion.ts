import type { ApiObject } from './api-object.ts';
import { nowTimestamp } from './api-object.ts';

/** The parts of DeleteOptions the server honours. */
export interface DeleteOptions {
  readonly gracePeriodSeconds?: number;
  /** preconditions.uid: delete only this incarnation of the object. */
  readonly uid?: string;
}

const DEFAULT_GRACE_SECONDS = 30;

/**
 * Graceful pod deletion as on a real server: a pod bound to a node that has not finished is only
 * marked (deletionTimestamp = now + grace) until its kubelet, here the node agent, confirms with
 * gracePeriodSeconds 0. Returns the marked pod, or undefined when it goes at once.
 */
export function terminatingPod(pod: ApiObject, options: DeleteOptions): ApiObject | undefined {
  const bound = typeof pod.spec?.nodeName === 'string' && pod.spec.nodeName !== '';
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (!bound || finished || options.gracePeriodSeconds === 0) return undefined;
  if (pod.metadata.deletionTimestamp) return pod;
  const specGrace = pod.spec?.terminationGracePeriodSeconds;
  const grace = options.gracePeriodSeconds ?? (typeof specGrace === 'number' ? specGrace : DEFAULT_GRACE_SECONDS);
  const at = new Date(Date.parse(nowTimestamp()) + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { ...pod, metadata: { ...pod.metadata, deletionTimestamp: at, deletionGracePeriodSeconds: grace } };
}
