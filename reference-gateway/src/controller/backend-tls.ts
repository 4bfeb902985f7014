import type { BackendTlsPolicy, ServicePort } from '../kube/objects.ts';
import type { CompiledBackend } from '../model/data-plane-config.ts';
import type { Snapshot } from './snapshot.ts';

/** The BackendTLSPolicy that applies to a Service port, resolved. */
export interface BackendTlsResolution {
  readonly policy: BackendTlsPolicy;
  /** Set when the policy resolved; undefined means the backend cannot be reached as required. */
  readonly tls?: NonNullable<CompiledBackend['tls']>;
  readonly problem?: { readonly reason: string; readonly message: string };
}

/**
 * Finds the policy targeting `namespace/service` (a policy naming the port's sectionName beats one
 * naming the whole Service; then the oldest by namespace/name order of the snapshot) and resolves
 * its CA bundle from ConfigMaps (`ca.crt`).
 */
export function resolveBackendTls(snapshot: Snapshot, namespace: string, service: string, port: ServicePort): BackendTlsResolution | undefined {
  let wholeService: BackendTlsPolicy | undefined;
  let forPort: BackendTlsPolicy | undefined;
  for (const policy of snapshot.backendTlsPolicies) {
    if (policy.metadata.namespace !== namespace) continue;
    for (const target of policy.spec.targetRefs ?? []) {
      if (target.group !== '' || target.kind !== 'Service' || target.name !== service) continue;
      if (target.sectionName === undefined) wholeService ??= policy;
      else if (port.name !== undefined && target.sectionName === port.name) forPort ??= policy;
    }
  }
  const policy = forPort ?? wholeService;
  if (!policy) return undefined;
  const validation = policy.spec.validation ?? {};
  const refs = validation.caCertificateRefs ?? [];
  if (refs.length === 0) {
    return { policy, problem: { reason: 'NoValidCACertificate', message: `BackendTLSPolicy ${namespace}/${policy.metadata.name} names no caCertificateRefs (well-known CAs are not supported)` } };
  }
  const pems: string[] = [];
  for (const ref of refs) {
    const label = `${ref.kind ?? 'ConfigMap'} ${namespace}/${ref.name}`;
    if ((ref.group ?? '') !== '' || (ref.kind ?? 'ConfigMap') !== 'ConfigMap') {
      return { policy, problem: { reason: 'InvalidKind', message: `caCertificateRef ${label} is not a ConfigMap` } };
    }
    const pem = snapshot.configMaps.get(`${namespace}/${ref.name}`)?.data?.['ca.crt'];
    if (!pem?.includes('-----BEGIN CERTIFICATE-----')) {
      return { policy, problem: { reason: 'InvalidCACertificateRef', message: `caCertificateRef ${label} has no PEM ca.crt` } };
    }
    pems.push(pem.trim());
  }
  const hostname = validation.hostname ?? '';
  const sans = (validation.subjectAltNames ?? [])
    .map((s) => (s.type === 'URI' ? { type: 'URI' as const, value: s.uri ?? '' } : { type: 'Hostname' as const, value: s.hostname ?? '' }))
    .filter((s) => s.value);
  const tls: NonNullable<CompiledBackend['tls']> = { caPem: `${pems.join('\n')}\n`, hostname, ...(sans.length > 0 ? { subjectAltNames: sans } : {}) };
  return { policy, tls };
}
