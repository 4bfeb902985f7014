import type { ApiObject } from './api-object.ts';
import { isRecord, nowTimestamp } from './api-object.ts';
import { ApiStatusError, badRequest } from './status-errors.ts';

/**
 * What POST pods/{name}/binding does on a real server: sets spec.nodeName once (a bound or
 * terminating pod is a 409) and records PodScheduled=True. Returns the pod to store.
 */
export function boundPod(pod: ApiObject, binding: unknown): ApiObject {
  const name = pod.metadata.name ?? '';
  if (!isRecord(binding) || !isRecord(binding.target) || typeof binding.target.name !== 'string' || binding.target.name === '') {
    throw badRequest('a Binding needs target.name (the node)');
  }
  const wantedUid = isRecord(binding.metadata) ? binding.metadata.uid : undefined;
  if (typeof wantedUid === 'string' && wantedUid !== '' && wantedUid !== pod.metadata.uid) {
    throw podConflict(name, `Precondition failed: UID in precondition: ${wantedUid}, UID in object meta: ${pod.metadata.uid ?? ''}`);
  }
  if (pod.metadata.deletionTimestamp) throw podConflict(name, `pod ${name} is being deleted, cannot be assigned to a host`);
  const current = pod.spec?.nodeName;
  if (typeof current === 'string' && current !== '') throw podConflict(name, `pod ${name} is already assigned to node "${current}"`);
  const conditions = Array.isArray(pod.status?.conditions) ? pod.status.conditions.filter((c) => isRecord(c) && c.type !== 'PodScheduled') : [];
  return {
    ...pod,
    metadata: { ...pod.metadata },
    spec: { ...pod.spec, nodeName: binding.target.name },
    status: { ...pod.status, conditions: [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: nowTimestamp() }] },
  };
}

function podConflict(name: string, message: string): ApiStatusError {
  return new ApiStatusError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": ${message}`, { name, kind: 'pods/binding' });
}
