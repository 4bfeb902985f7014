import type { KubeObject, ObjectMeta } from '../../kube-rest/objects.ts';

/** A Pod (or a Secret, ConfigMap or Node) as plain JSON, with the fields the agent reads typed. */
export interface AgentObject extends KubeObject {
  metadata: ObjectMeta & {
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** The node the agent stands for: its name and its InternalIP (every pod's hostIP). */
export interface NodeIdentity {
  readonly name: string;
  readonly address: string;
  /** Where the agent serves the kubelet's containerLogs endpoint; 0 when it serves none. */
  readonly kubeletPort?: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 3339 with second precision, as the real server writes timestamps. */
export function nowTimestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function containers(pod: AgentObject): Record<string, unknown>[] {
  return Array.isArray(pod.spec?.containers) ? pod.spec.containers.filter(isRecord) : [];
}

/** `namespace/name` of a namespaced object. */
export function podKey(pod: { metadata: { name: string; namespace?: string } }): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}
