import type { ApiObject } from '../api-object.ts';
import { isRecord } from '../api-object.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { ResourceService } from '../resource-service.ts';
import { matchesLabels } from '../selectors.ts';
import { containers, isPodReady } from './pod-readiness.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const MANAGED_BY = 'endpointslice-controller.k8s.io';

/**
 * Plays the EndpointSlice controller: one IPv4 slice per Service with a selector, listing the
 * selected pods that have an address (ready or not), with target ports resolved by number or by
 * container port name. Approximation: a named port resolves against the first pod that has it.
 */
export class EndpointSliceController {
  constructor(private readonly service: ResourceService) {}

  reconcile(namespace: string, name: string): void {
    const services = this.service.registry.byKind('', 'Service')!;
    const slices = this.service.registry.byKind('discovery.k8s.io', 'EndpointSlice')!;
    const svc = this.service.find(services, namespace, name);
    const selector = isRecord(svc?.spec?.selector) ? (svc.spec.selector as Record<string, string>) : undefined;
    if (!svc || svc.metadata.deletionTimestamp || !selector || Object.keys(selector).length === 0) return;

    const pods = this.service
      .list(this.service.registry.byKind('', 'Pod')!, namespace)
      .filter((p) => !p.metadata.deletionTimestamp && typeof p.status?.podIP === 'string' && matchesLabels(p.metadata.labels, selector));
    const body = {
      addressType: 'IPv4',
      endpoints: pods.map((p) => ({
        addresses: [String(p.status?.podIP)],
        conditions: { ready: isPodReady(p), serving: isPodReady(p), terminating: false },
        ...(typeof p.spec?.nodeName === 'string' ? { nodeName: p.spec.nodeName } : {}),
        targetRef: { kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid },
      })),
      ports: servicePorts(svc).flatMap((port) => {
        const resolved = resolveTargetPort(port.targetPort ?? port.port, pods);
        if (resolved === undefined) return [];
        return [{ name: typeof port.name === 'string' ? port.name : '', port: resolved, protocol: port.protocol ?? 'TCP', ...(port.appProtocol !== undefined ? { appProtocol: port.appProtocol } : {}) }];
      }),
    };

    const existing = this.service.list(slices, namespace).find((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY);
    if (!existing) {
      this.service.create(slices, namespace, {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${name}-`,
          labels: { [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
        },
        ...body,
      });
      return;
    }
    const current = { addressType: existing.addressType, endpoints: existing.endpoints, ports: existing.ports };
    if (canonicalJson(current) === canonicalJson(body)) return;
    this.service.update(slices, namespace, existing.metadata.name ?? '', { ...existing, metadata: { ...existing.metadata, resourceVersion: undefined }, ...body });
  }
}

function servicePorts(svc: ApiObject): Record<string, unknown>[] {
  return Array.isArray(svc.spec?.ports) ? svc.spec.ports.filter(isRecord) : [];
}

function resolveTargetPort(target: unknown, pods: ApiObject[]): number | undefined {
  if (typeof target === 'number') return target;
  if (typeof target === 'string' && /^\d+$/.test(target)) return Number(target);
  for (const pod of pods) {
    for (const container of containers(pod)) {
      const ports = Array.isArray(container.ports) ? container.ports.filter(isRecord) : [];
      const match = ports.find((p) => p.name === target);
      if (match && typeof match.containerPort === 'number') return match.containerPort;
    }
  }
  return undefined;
}
