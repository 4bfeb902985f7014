import { KubeApiError } from '../../kube-rest/errors.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import type { CaseObject, DifferentialCase } from './case.ts';

/** One cause of a refusal, as `details.causes[]` carries it. */
export interface Cause {
  readonly field: string;
  readonly message: string;
  readonly reason: string;
}

/** `accepted`, or the causes of a 422 (any other failure is a broken run, not a verdict). */
export type Observed = { readonly accepted: true } | { readonly accepted: false; readonly causes: readonly Cause[] };

const PLURALS: Record<string, string> = {
  GRPCRoute: 'grpcroutes',
  Gateway: 'gateways',
  ReferenceGrant: 'referencegrants',
  ListenerSet: 'listenersets',
  BackendTLSPolicy: 'backendtlspolicies',
  HTTPRoute: 'httproutes',
  GatewayClass: 'gatewayclasses',
};

/**
 * The same spelling for both servers: no leading dot (older servers print one), and `<nil>` or
 * empty (a cause about the whole object) as `<root>`.
 */
export function normaliseField(field: string | undefined): string {
  const trimmed = (field ?? '').trim().replace(/^\./, '');
  return trimmed === '' || trimmed === '<nil>' ? '<root>' : trimmed;
}

/** The distinct normalised field paths of a refusal, sorted; `accepted` for a taken write. */
export function verdictOf(observed: Observed): string {
  if (observed.accepted) return 'accepted';
  const fields = [...new Set(observed.causes.map((c) => normaliseField(c.field)))].sort();
  return fields.length === 0 ? '<no causes>' : fields.join(' + ');
}

function collectionPath(object: CaseObject, namespace: string): string {
  const [group, version] = object.apiVersion.split('/') as [string, string];
  const plural = PLURALS[object.kind];
  if (!plural) throw new Error(`no plural known for ${object.kind}`);
  const namespaced = object.kind !== 'GatewayClass';
  return KubeRestClient.path({ group, version, plural, namespaced }, namespaced ? namespace : undefined);
}

function named(object: CaseObject, name: string, namespace: string): CaseObject {
  return { ...object, metadata: { ...object.metadata, name, namespace } };
}

async function attempt(write: () => Promise<unknown>): Promise<Observed> {
  try {
    await write();
    return { accepted: true };
  } catch (error) {
    if (!(error instanceof KubeApiError) || error.status !== 422) throw error;
    const body = JSON.parse(error.body) as { details?: { causes?: { field?: string; message?: string; reason?: string }[] } };
    return { accepted: false, causes: (body.details?.causes ?? []).map((c) => ({ field: c.field ?? '', message: c.message ?? '', reason: c.reason ?? '' })) };
  }
}

/** Runs one case against one server, under `name` in `namespace`; only the last write is judged. */
export async function runCase(client: KubeRestClient, testCase: DifferentialCase, name: string, namespace: string): Promise<Observed> {
  const collection = collectionPath(testCase.object, namespace);
  if (testCase.statusWrite) {
    const { status, ...withoutStatus } = testCase.object;
    const created = await client.create<{ metadata: { resourceVersion: string } }>(collection, named(withoutStatus, name, namespace));
    const object = named(testCase.object, name, namespace);
    return attempt(() => client.replace(`${collection}/${name}/status`, { ...object, metadata: { ...object.metadata, resourceVersion: created.metadata.resourceVersion }, status }));
  }
  if (testCase.before) {
    const created = await client.create<{ metadata: { resourceVersion: string } }>(collection, named(testCase.before, name, namespace));
    const object = named(testCase.object, name, namespace);
    return attempt(() => client.replace(`${collection}/${name}`, { ...object, metadata: { ...object.metadata, resourceVersion: created.metadata.resourceVersion } }));
  }
  // A plain create is judged with dryRun=All: nothing is stored, so the servers stay empty.
  return attempt(() => client.create(`${collection}?dryRun=All`, named(testCase.object, name, namespace)));
}
