import { HarnessError } from '../errors.ts';
import type { KubeClient } from '../kube/client.ts';
import { namespacesOf, REQUIRED_PERMISSIONS, resourceName, type RequiredPermission } from './required-permissions.ts';

const SSAR_VERSION = 'authorization.k8s.io/v1';
/** Enough parallel reviews to take well under a second, few enough not to trip API priority and fairness. */
const PARALLEL_REVIEWS = 16;

/** One denied verb: where it is missing (undefined = cluster-wide). */
export interface MissingPermission {
  readonly verb: string;
  readonly resource: string;
  readonly namespaces: readonly (string | undefined)[];
}

/**
 * Asks the API server, with one SelfSubjectAccessReview per verb, resource and namespace, whether
 * our identity may do everything in REQUIRED_PERMISSIONS. Servers without the review API (the
 * embedded cluster has no authorization at all) are not checked.
 */
export async function missingPermissions(client: KubeClient, table: readonly RequiredPermission[] = REQUIRED_PERMISSIONS): Promise<MissingPermission[] | undefined> {
  if (!(await client.resource(SSAR_VERSION, 'SelfSubjectAccessReview'))) return undefined;
  const questions = table.flatMap((permission) => permission.verbs.flatMap((verb) => namespacesOf(permission).map((namespace) => ({ permission, verb, namespace }))));
  const allowed = await mapLimited(questions, PARALLEL_REVIEWS, (q) => review(client, q.permission, q.verb, q.namespace));
  const missing = new Map<string, { verb: string; resource: string; namespaces: (string | undefined)[] }>();
  questions.forEach((q, i) => {
    if (allowed[i]) return;
    const resource = resourceName(q.permission);
    const key = `${q.verb} ${resource}`;
    const entry = missing.get(key) ?? { verb: q.verb, resource, namespaces: [] };
    entry.namespaces.push(q.namespace);
    missing.set(key, entry);
  });
  return [...missing.values()];
}

/** `missing permission: create deployments.apps in namespaces a, b` or `… cluster-wide`. */
export function describeMissing(missing: MissingPermission): string {
  const where = missing.namespaces.includes(undefined)
    ? 'cluster-wide'
    : `in namespace${missing.namespaces.length > 1 ? 's' : ''} ${missing.namespaces.join(', ')}`;
  return `missing permission: ${missing.verb} ${missing.resource} ${where}`;
}

/** Logs one line per missing permission and throws the one error line; creates nothing. */
export async function requirePermissions(client: KubeClient, log: (line: string) => void): Promise<void> {
  const missing = await missingPermissions(client);
  if (missing === undefined || missing.length === 0) return;
  for (const entry of missing) log(describeMissing(entry));
  throw new HarnessError(
    'GRPCCONF_PERMISSIONS_MISSING',
    `the identity of context ${client.contextName} lacks ${missing.length} permission(s) the suite needs (listed above); grant them, e.g. with the ClusterRole in README "Against your own implementation" bound to that identity, and run again`,
    { context: { missing } },
  );
}

async function review(client: KubeClient, permission: RequiredPermission, verb: string, namespace: string | undefined): Promise<boolean> {
  const answer = await client.create({
    apiVersion: SSAR_VERSION,
    kind: 'SelfSubjectAccessReview',
    metadata: { name: '' },
    spec: {
      resourceAttributes: {
        verb,
        group: permission.group,
        resource: permission.resource,
        ...(permission.subresource ? { subresource: permission.subresource } : {}),
        ...(namespace ? { namespace } : {}),
      },
    },
  });
  return (answer.status as { allowed?: boolean } | undefined)?.allowed === true;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
