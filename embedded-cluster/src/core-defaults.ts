import type { ApiObject } from './api-object.ts';
import { isRecord } from './api-object.ts';

/**
 * Server-side defaults of the built-in kinds that clients and controllers rely on.
 * Mutates `object`, which the caller owns. `isCreate` distinguishes first write from updates.
 */
export function applyCoreDefaults(kind: string, object: ApiObject, isCreate: boolean): void {
  switch (kind) {
    case 'Namespace':
      object.metadata.labels = { ...object.metadata.labels, 'kubernetes.io/metadata.name': object.metadata.name ?? '' };
      object.spec = { finalizers: ['kubernetes'], ...object.spec };
      if (isCreate) object.status = { phase: 'Active' };
      break;
    case 'Service':
      defaultService(object);
      break;
    case 'Secret':
      defaultSecret(object);
      break;
    case 'Deployment':
      object.spec = { replicas: 1, ...object.spec };
      if (isRecord(object.spec.template) && isRecord(object.spec.template.spec)) defaultPodSpec(object.spec.template.spec);
      break;
    case 'Pod':
      if (object.spec) defaultPodSpec(object.spec);
      if (isCreate) object.status = { phase: 'Pending', qosClass: 'BestEffort' };
      break;
  }
}

function defaultPodSpec(spec: Record<string, unknown>): void {
  for (const container of Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : []) {
    if (Array.isArray(container.ports)) container.ports = container.ports.map((p: unknown) => (isRecord(p) ? { protocol: 'TCP', ...p } : p));
  }
}

function defaultService(object: ApiObject): void {
  const spec = (object.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  spec.internalTrafficPolicy ??= 'Cluster';
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (Array.isArray(spec.ports)) {
    spec.ports = spec.ports.map((p: unknown) =>
      isRecord(p) ? { protocol: 'TCP', ...p, targetPort: p.targetPort ?? p.port } : p,
    );
  }
  object.status ??= { loadBalancer: {} };
}

/** The real server folds stringData into base64 data on every write. */
function defaultSecret(object: ApiObject): void {
  object.type ??= 'Opaque';
  const stringData = object.stringData;
  if (!isRecord(stringData)) return;
  const data: Record<string, unknown> = isRecord(object.data) ? { ...object.data } : {};
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v)).toString('base64');
  object.data = data;
  delete object.stringData;
}
