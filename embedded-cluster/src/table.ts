import type { ApiObject } from './api-object.ts';
import { isRecord } from './api-object.ts';

interface Column {
  readonly name: string;
  readonly priority?: number;
  readonly cell: (o: ApiObject) => string | number;
}

const NAME: Column = { name: 'Name', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'Age', cell: (o) => age(o.metadata.creationTimestamp) };

const COLUMNS: Record<string, readonly Column[]> = {
  Pod: [
    NAME,
    { name: 'Ready', cell: (o) => `${containerStatuses(o).filter((c) => c.ready === true).length}/${records(o.spec?.containers).length}` },
    { name: 'Status', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : podStatus(o)) },
    { name: 'Restarts', cell: () => 0 },
    AGE,
    { name: 'IP', priority: 1, cell: (o) => String(o.status?.podIP ?? '<none>') },
    { name: 'Node', priority: 1, cell: () => 'embedded' },
  ],
  Service: [
    NAME,
    { name: 'Type', cell: (o) => String(o.spec?.type ?? '') },
    { name: 'Cluster-IP', cell: (o) => String(o.spec?.clusterIP ?? '<none>') },
    { name: 'External-IP', cell: () => '<none>' },
    { name: 'Port(s)', cell: (o) => records(o.spec?.ports).map((p) => `${String(p.port)}/${String(p.protocol ?? 'TCP')}`).join(',') || '<none>' },
    AGE,
    { name: 'Selector', priority: 1, cell: (o) => Object.entries(isRecord(o.spec?.selector) ? o.spec.selector : {}).map(([k, v]) => `${k}=${String(v)}`).join(',') || '<none>' },
  ],
  Deployment: [
    NAME,
    { name: 'Ready', cell: (o) => `${Number(o.status?.readyReplicas ?? 0)}/${Number(o.spec?.replicas ?? 1)}` },
    { name: 'Up-to-date', cell: (o) => Number(o.status?.updatedReplicas ?? 0) },
    { name: 'Available', cell: (o) => Number(o.status?.availableReplicas ?? 0) },
    AGE,
  ],
  EndpointSlice: [
    NAME,
    { name: 'AddressType', cell: (o) => String(o.addressType ?? '') },
    { name: 'Ports', cell: (o) => records(o.ports).map((p) => String(p.port)).join(',') || '<unset>' },
    { name: 'Endpoints', cell: (o) => records(o.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(String) : [])).join(',') || '<unset>' },
    AGE,
  ],
  Namespace: [NAME, { name: 'Status', cell: (o) => String(o.status?.phase ?? '') }, AGE],
  Gateway: [
    NAME,
    { name: 'Class', cell: (o) => String(o.spec?.gatewayClassName ?? '') },
    { name: 'Address', cell: (o) => String(records(o.status?.addresses)[0]?.value ?? '') },
    { name: 'Programmed', cell: (o) => conditionStatus(o, 'Programmed') },
    AGE,
  ],
  GatewayClass: [
    NAME,
    { name: 'Controller', cell: (o) => String(o.spec?.controllerName ?? '') },
    { name: 'Accepted', cell: (o) => conditionStatus(o, 'Accepted') },
    AGE,
  ],
  GRPCRoute: [NAME, { name: 'Hostnames', cell: (o) => JSON.stringify(o.spec?.hostnames ?? []) }, AGE],
  HTTPRoute: [NAME, { name: 'Hostnames', cell: (o) => JSON.stringify(o.spec?.hostnames ?? []) }, AGE],
};

/**
 * A meta.k8s.io/v1 Table, which kubectl asks for (`Accept: ...;as=Table`) to print `get` output.
 * `includeObject` follows the server: PartialObjectMetadata by default, the whole object on request.
 */
export function toTable(kind: string, objects: ApiObject[], resourceVersion: string, includeObject: string | undefined): Record<string, unknown> {
  const columns = COLUMNS[kind] ?? [NAME, AGE];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map((c, i) => ({
      name: c.name,
      type: c.name === 'Restarts' || c.name === 'Up-to-date' || c.name === 'Available' ? 'integer' : 'string',
      format: i === 0 ? 'name' : '',
      description: '',
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o)),
      object:
        includeObject === 'Object'
          ? o
          : includeObject === 'None'
            ? null
            : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}

function podStatus(o: ApiObject): string {
  for (const c of containerStatuses(o)) {
    const waiting = isRecord(c.state) && isRecord(c.state.waiting) ? c.state.waiting.reason : undefined;
    if (typeof waiting === 'string') return waiting;
  }
  return String(o.status?.phase ?? 'Pending');
}

function containerStatuses(o: ApiObject): Record<string, unknown>[] {
  return records(o.status?.containerStatuses);
}

function conditionStatus(o: ApiObject, type: string): string {
  return String(records(o.status?.conditions).find((c) => c.type === type)?.status ?? 'Unknown');
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function age(timestamp: string | undefined): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
