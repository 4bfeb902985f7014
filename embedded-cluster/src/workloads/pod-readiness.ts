import type { ApiObject } from '../api-object.ts';
import { isRecord } from '../api-object.ts';

export function containers(pod: ApiObject): Record<string, unknown>[] {
  return Array.isArray(pod.spec?.containers) ? pod.spec.containers.filter(isRecord) : [];
}

/** True when the pod's Ready condition is True (the node agent writes it once the pod serves). */
export function isPodReady(pod: ApiObject): boolean {
  const conditions = Array.isArray(pod.status?.conditions) ? pod.status.conditions.filter(isRecord) : [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
