import type { AgentObject, NodeIdentity } from './pod-object.ts';
import { isRecord } from './pod-object.ts';
import { PodStartError } from './pod-start-error.ts';

/** Reads a Secret or ConfigMap of the pod's namespace (from the agent's watch cache). */
export type ObjectLookup = (kind: 'Secret' | 'ConfigMap', name: string) => AgentObject | undefined;

/** What a container's config resolves against besides the pod itself. */
export interface ContainerContext {
  readonly podIP: string;
  readonly node: NodeIdentity;
  readonly lookup: ObjectLookup;
}

/** The container environment, with fieldRef, secretKeyRef and configMapKeyRef resolved. */
export function resolveEnv(pod: AgentObject, container: Record<string, unknown>, context: ContainerContext): Record<string, string> {
  const env: Record<string, string> = {};
  const podName = pod.metadata.name ?? '';
  for (const entry of Array.isArray(container.env) ? container.env.filter(isRecord) : []) {
    const name = String(entry.name);
    if (typeof entry.value === 'string') env[name] = entry.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, v: string) => env[v] ?? whole);
    else if (isRecord(entry.valueFrom)) env[name] = valueFrom(entry.valueFrom, pod, context, podName);
  }
  return env;
}

function valueFrom(source: Record<string, unknown>, pod: AgentObject, context: ContainerContext, podName: string): string {
  if (isRecord(source.fieldRef)) {
    const path = String(source.fieldRef.fieldPath);
    const fields: Record<string, string | undefined> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': context.node.name,
      'spec.serviceAccountName': String(pod.spec?.serviceAccountName ?? 'default'),
      'status.podIP': context.podIP,
      'status.podIPs': context.podIP,
      'status.hostIP': context.node.address,
      'status.hostIPs': context.node.address,
    };
    const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (label) return pod.metadata[label[1] as 'labels' | 'annotations']?.[label[2]!] ?? '';
    if (!(path in fields)) throw new PodStartError('CreateContainerConfigError', `unsupported fieldRef ${path}`, podName);
    return fields[path] ?? '';
  }
  for (const [field, kind] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const) {
    const ref = source[field];
    if (!isRecord(ref)) continue;
    const value = dataValue(context.lookup(kind, String(ref.name)), kind, String(ref.key));
    if (value === undefined) {
      if (ref.optional === true) return '';
      throw new PodStartError('CreateContainerConfigError', `${kind.toLowerCase()} "${String(ref.name)}" or its key "${String(ref.key)}" not found`, podName);
    }
    return value.toString('utf8');
  }
  throw new PodStartError('CreateContainerConfigError', `unsupported env valueFrom ${JSON.stringify(source)}`, podName);
}

/**
 * The content of a file the container would see at `path`, served from a Secret or ConfigMap
 * volume mounted above it (honouring `items` key → path). Only the volume above `path` is looked
 * at, so volumes no needed file reads from (the projected service-account token a real API server
 * adds to every pod) are ignored.
 */
export function readMountedFile(pod: AgentObject, container: Record<string, unknown>, path: string, lookup: ObjectLookup): string {
  const podName = pod.metadata.name ?? '';
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isRecord) : [];
  const mount = mounts.find((m) => typeof m.mountPath === 'string' && path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
  if (!mount) throw new PodStartError('RunContainerError', `no volume is mounted above ${path}`, podName);
  const relative = path.slice(String(mount.mountPath).replace(/\/$/, '').length + 1);
  const volumes = Array.isArray(pod.spec?.volumes) ? pod.spec.volumes.filter(isRecord) : [];
  const volume = volumes.find((v) => v.name === mount.name);
  if (!volume) throw new PodStartError('CreateContainerConfigError', `volume "${String(mount.name)}" is not defined`, podName);
  const source = isRecord(volume.secret) ? { kind: 'Secret' as const, spec: volume.secret, name: volume.secret.secretName } : isRecord(volume.configMap) ? { kind: 'ConfigMap' as const, spec: volume.configMap, name: volume.configMap.name } : undefined;
  if (!source) throw new PodStartError('CreateContainerConfigError', `volume "${String(mount.name)}" is neither a secret nor a configMap volume`, podName);
  const object = lookup(source.kind, String(source.name));
  if (!object) {
    throw new PodStartError('ContainerCreating', `MountVolume.SetUp failed for volume "${String(mount.name)}": ${source.kind.toLowerCase()} "${String(source.name)}" not found`, podName);
  }
  const items = Array.isArray(source.spec.items) ? source.spec.items.filter(isRecord) : undefined;
  const key = items ? items.find((i) => i.path === relative)?.key : relative;
  const value = key === undefined ? undefined : dataValue(object, source.kind, String(key));
  if (value === undefined) throw new PodStartError('ContainerCreating', `${path} is not provided by ${source.kind.toLowerCase()} "${String(source.name)}"`, podName);
  return value.toString('utf8');
}

function dataValue(object: AgentObject | undefined, kind: 'Secret' | 'ConfigMap', key: string): Buffer | undefined {
  if (!object) return undefined;
  const data = isRecord(object.data) ? object.data : {};
  if (kind === 'Secret') return typeof data[key] === 'string' ? Buffer.from(data[key], 'base64') : undefined;
  if (typeof data[key] === 'string') return Buffer.from(data[key]);
  const binary = isRecord(object.binaryData) ? object.binaryData[key] : undefined;
  return typeof binary === 'string' ? Buffer.from(binary, 'base64') : undefined;
}
