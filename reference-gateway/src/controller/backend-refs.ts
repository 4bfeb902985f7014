import type { BackendObjectReference, BackendTlsPolicy, EndpointSlice, Route, ServicePort } from '../kube/objects.ts';
import { GATEWAY_GROUP } from '../kube/resources.ts';
import type { CompiledBackend } from '../model/data-plane-config.ts';
import { resolveBackendTls } from './backend-tls.ts';
import type { ReferencePolicy } from './reference-grants.ts';
import type { ControllerSettings } from './settings.ts';
import type { Snapshot } from './snapshot.ts';

/** Why a reference did not resolve; `reason` is the ResolvedRefs reason. */
export interface RefProblem {
  readonly reason: 'InvalidKind' | 'BackendNotFound' | 'RefNotPermitted' | 'UnsupportedProtocol' | 'InvalidBackendTLSPolicy';
  readonly message: string;
}

export interface BackendResolution {
  readonly backend: Omit<CompiledBackend, 'weight' | 'filters'>;
  readonly problem?: RefProblem;
  /** The BackendTLSPolicy that applies (resolved or not), for its ancestor status. */
  readonly tlsPolicy?: BackendTlsPolicy;
}

export interface BackendContext {
  readonly snapshot: Snapshot;
  readonly settings: ControllerSettings;
  readonly references: ReferencePolicy;
}

const GRPC_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'grpc', 'h2c']);

/** Resolves a backendRef (or mirror backendRef) of a route to a Service port and its ready endpoints. */
export function resolveBackend(route: Route, ref: BackendObjectReference, ctx: BackendContext): BackendResolution {
  const namespace = ref.namespace ?? route.metadata.namespace ?? '';
  const group = ref.group ?? '';
  const kind = ref.kind ?? 'Service';
  const key = `${namespace}/${ref.name}:${ref.port ?? ''}`;
  const invalid = (problem: RefProblem, tlsPolicy?: BackendTlsPolicy): BackendResolution => ({ backend: { key, valid: false, endpoints: [] }, problem, tlsPolicy });
  if (group !== '' || kind !== 'Service') {
    const reason = ctx.settings.faults.has('invalid-kind-as-backend-not-found') ? 'BackendNotFound' : 'InvalidKind';
    return invalid({ reason, message: `backendRef ${ref.name} has unsupported kind ${group ? `${group}/` : ''}${kind}` });
  }
  const service = ctx.snapshot.services.get(`${namespace}/${ref.name}`);
  const from = { group: GATEWAY_GROUP, kind: route.kind ?? 'GRPCRoute', namespace: route.metadata.namespace ?? '' };
  if (!ctx.references.permits(ctx.snapshot.referenceGrants, from, { group: '', kind: 'Service', namespace, name: ref.name })) {
    const leak = ctx.settings.faults.has('reveal-missing-target') && !service ? ' (Service not found)' : '';
    const message = ctx.settings.faults.has('ref-not-permitted-wording')
      ? `backendRef ${namespace}/${ref.name} not accessible to a ${from.kind} in namespace "${from.namespace}" (missing a ReferenceGrant?)`
      : `backendRef to Service ${namespace}/${ref.name} is not permitted by any ReferenceGrant`;
    return invalid({ reason: 'RefNotPermitted', message: `${message}${leak}` });
  }
  if (!service) return invalid({ reason: 'BackendNotFound', message: `Service ${namespace}/${ref.name} not found` });
  if (service.spec.type === 'ExternalName') {
    return invalid({ reason: 'InvalidKind', message: `Service ${namespace}/${ref.name} is of type ExternalName, which is not supported` });
  }
  const port = (service.spec.ports ?? []).find((p) => p.port === ref.port);
  if (!port) return invalid({ reason: 'BackendNotFound', message: `Service ${namespace}/${ref.name} has no port ${ref.port ?? '(unset)'}` });
  const sharing = (service.spec.ports ?? []).filter((p) => p.port === port.port && (p.protocol ?? 'TCP') !== (port.protocol ?? 'TCP'));
  let misreported: RefProblem | undefined;
  if (sharing.length > 0 && !ctx.settings.faults.has('serve-mixed-protocol-port')) {
    const protocols = [port, ...sharing].map((p) => p.protocol ?? 'TCP').join('+');
    const problem: RefProblem = { reason: 'UnsupportedProtocol', message: `Service ${namespace}/${ref.name} port ${port.port} multiplexes ${protocols}, which is not supported` };
    if (!ctx.settings.faults.has('mixed-protocol-port-served-anyway')) return invalid(problem);
    misreported = problem;
  }
  const appProtocol = port.appProtocol;
  // HTTPRoutes are never served by us, so only GRPCRoute backends must speak h2c.
  const needsH2c = route.kind === 'GRPCRoute' && !ctx.settings.faults.has('ignore-app-protocol');
  if (appProtocol !== undefined && !GRPC_APP_PROTOCOLS.has(appProtocol) && needsH2c) {
    return invalid({ reason: 'UnsupportedProtocol', message: `Service ${namespace}/${ref.name} port ${port.port} has appProtocol ${appProtocol}, which cannot carry gRPC` });
  }
  const tlsResolution = ctx.settings.faults.has('ignore-backend-tls-policy') ? undefined : resolveBackendTls(ctx.snapshot, namespace, ref.name, port);
  if (tlsResolution?.problem) {
    return invalid({ reason: 'InvalidBackendTLSPolicy', message: tlsResolution.problem.message }, tlsResolution.policy);
  }
  const backend: BackendResolution['backend'] = {
    key,
    valid: true,
    endpoints: readyEndpoints(ctx.snapshot.endpointSlices.get(`${namespace}/${ref.name}`) ?? [], port),
    ...(tlsResolution?.tls ? { tls: tlsResolution.tls } : {}),
  };
  if (backend.endpoints.length === 0 && ctx.settings.faults.has('no-endpoints-not-resolved')) {
    return invalid({ reason: 'BackendNotFound', message: `Service ${namespace}/${ref.name} has no ready endpoints` }, tlsResolution?.policy);
  }
  return { backend, tlsPolicy: tlsResolution?.policy, ...(misreported ? { problem: misreported } : {}) };
}

/** Ready addresses of slices whose port name equals the Service port name, with that slice port's number. */
function readyEndpoints(slices: readonly EndpointSlice[], servicePort: ServicePort): { ip: string; port: number }[] {
  const seen = new Set<string>();
  const out: { ip: string; port: number }[] = [];
  for (const slice of slices) {
    if (slice.addressType !== undefined && slice.addressType !== 'IPv4') continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === (servicePort.name ?? ''));
    const number = slicePort?.port ?? (typeof servicePort.targetPort === 'number' ? servicePort.targetPort : undefined);
    if (number === undefined) continue;
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions?.ready === false) continue;
      for (const ip of endpoint.addresses) {
        const id = `${ip}:${number}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ ip, port: number });
      }
    }
  }
  return out;
}
