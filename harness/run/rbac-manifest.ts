import type { KubeObject } from '../kube/types.ts';
import { REQUIRED_PERMISSIONS, type RequiredPermission } from './required-permissions.ts';

/**
 * REQUIRED_PERMISSIONS as one ClusterRole. Cluster-wide on purpose: the run's namespaces do not
 * exist before the run (and the suite refuses ones it did not create), so no RoleBinding can
 * sit in them beforehand.
 */
export function clusterRoleFor(name: string, table: readonly RequiredPermission[] = REQUIRED_PERMISSIONS): KubeObject {
  const rules = new Map<string, { apiGroups: string[]; resources: string[]; verbs: string[] }>();
  for (const permission of table) {
    const resource = permission.subresource ? `${permission.resource}/${permission.subresource}` : permission.resource;
    const key = `${permission.group} ${resource}`;
    const rule = rules.get(key) ?? { apiGroups: [permission.group], resources: [resource], verbs: [] };
    for (const verb of permission.verbs) if (!rule.verbs.includes(verb)) rule.verbs.push(verb);
    rules.set(key, rule);
  }
  const granted = [...rules.values()].filter((rule) => rule.verbs.length > 0);
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: granted } as KubeObject;
}

/** The README's copy, one line per rule field (test/cluster/rbac-readme.test.ts keeps it current). */
export function clusterRoleYaml(): string {
  const role = clusterRoleFor('grpcroute-conformance') as KubeObject & { rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] };
  const list = (values: readonly string[]): string => `[${values.map((v) => (v === '' ? '""' : v)).join(', ')}]`;
  const rules = role.rules.map((r) => `  - apiGroups: ${list(r.apiGroups)}\n    resources: ${list(r.resources)}\n    verbs: ${list(r.verbs)}\n`);
  return `apiVersion: ${role.apiVersion}\nkind: ${role.kind}\nmetadata:\n  name: ${role.metadata.name}\nrules:\n${rules.join('')}`;
}
