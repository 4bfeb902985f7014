import { RUN_NAMESPACES } from './facts.ts';

/** One RBAC rule the suite relies on: these verbs on `resource` of `group`, cluster-wide or in the run's namespaces. */
export interface RequiredPermission {
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
  readonly verbs: readonly string[];
  readonly scope: 'cluster' | 'run-namespaces' | 'infra-namespace';
  /** Why the suite needs it; README's RBAC list is this table. */
  readonly why: string;
}

const GATEWAY = 'gateway.networking.k8s.io';
/**
 * Objects are written with server-side apply (PATCH, which needs `create` too when the object is
 * new), waited on with list+watch, read with get and removed with delete.
 */
const OWNED = ['get', 'list', 'watch', 'create', 'patch', 'delete'] as const;

/**
 * Everything the suite does against a cluster, from the code: harness/run (preflight, lock, sweep,
 * base fixtures), harness/kube (apply, waits, diagnostics, helpers) and the suites' fixtures.
 */
export const REQUIRED_PERMISSIONS: readonly RequiredPermission[] = [
  { group: '', resource: 'namespaces', verbs: OWNED, scope: 'cluster', why: 'the three run namespaces are created, labelled, swept and deleted' },
  { group: GATEWAY, resource: 'gatewayclasses', verbs: OWNED, scope: 'cluster', why: 'the class under test is read; one test creates a class of another controller' },
  { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions', verbs: ['get'], scope: 'cluster', why: 'the Gateway API bundle version for the report' },
  { group: 'coordination.k8s.io', resource: 'leases', verbs: OWNED, scope: 'infra-namespace', why: 'the run lock: one live run per cluster, dead runs proven dead' },
  { group: '', resource: 'services', verbs: OWNED, scope: 'run-namespaces', why: 'backends' },
  { group: 'apps', resource: 'deployments', verbs: OWNED, scope: 'run-namespaces', why: 'backends' },
  { group: '', resource: 'secrets', verbs: OWNED, scope: 'run-namespaces', why: 'per-run TLS certificates' },
  { group: '', resource: 'configmaps', verbs: OWNED, scope: 'run-namespaces', why: 'per-run CA certificates' },
  { group: '', resource: 'pods', verbs: ['get', 'list', 'watch'], scope: 'run-namespaces', why: 'backend pods, for request logs and diagnostics' },
  { group: '', resource: 'pods', subresource: 'log', verbs: ['get'], scope: 'run-namespaces', why: "the echo server's request log" },
  { group: '', resource: 'serviceaccounts', verbs: ['get', 'list', 'watch'], scope: 'infra-namespace', why: "an implementation's generated ServiceAccounts, for the infrastructure metadata tests" },
  { group: '', resource: 'events', verbs: ['list'], scope: 'run-namespaces', why: 'diagnostics of failed tests' },
  { group: GATEWAY, resource: 'gateways', verbs: OWNED, scope: 'run-namespaces', why: 'shared and per-test Gateways; status is read from the object' },
  { group: GATEWAY, resource: 'grpcroutes', verbs: OWNED, scope: 'run-namespaces', why: 'the routes under test' },
  { group: GATEWAY, resource: 'grpcroutes', subresource: 'status', verbs: ['patch'], scope: 'run-namespaces', why: "a test writes a foreign controller's status entry" },
  { group: GATEWAY, resource: 'httproutes', verbs: OWNED, scope: 'run-namespaces', why: 'a test mixes an HTTPRoute with GRPCRoutes' },
  { group: GATEWAY, resource: 'listenersets', verbs: OWNED, scope: 'run-namespaces', why: 'ListenerSets attached to per-test Gateways' },
  { group: GATEWAY, resource: 'referencegrants', verbs: OWNED, scope: 'run-namespaces', why: 'cross-namespace backends' },
  { group: GATEWAY, resource: 'backendtlspolicies', verbs: OWNED, scope: 'run-namespaces', why: 'backend TLS tests' },
];

/** The namespaces a permission is checked in; `undefined` means cluster-wide. */
export function namespacesOf(permission: RequiredPermission): readonly (string | undefined)[] {
  if (permission.scope === 'cluster') return [undefined];
  if (permission.scope === 'infra-namespace') return [RUN_NAMESPACES.infra];
  return Object.values(RUN_NAMESPACES);
}

/** `deployments.apps`, `pods/log`, as kubectl and RBAC name them. */
export function resourceName(permission: Pick<RequiredPermission, 'group' | 'resource' | 'subresource'>): string {
  const resource = permission.subresource ? `${permission.resource}/${permission.subresource}` : permission.resource;
  return permission.group ? `${resource}.${permission.group}` : resource;
}
