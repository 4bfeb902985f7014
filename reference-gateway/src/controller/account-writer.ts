import { KubeApiError } from '../errors.ts';
import type { ObjectCache } from '../kube/cache.ts';
import type { KubeObject } from '../kube/objects.ts';
import { objectKey } from '../kube/objects.ts';
import { KubeRestClient } from '../../../kube-rest/rest-client.ts';
import { isOurAccount, type ServiceAccount } from './infrastructure-accounts.ts';
import { sameJson } from './same-json.ts';

type Meta = ServiceAccount['metadata'];
const OWNED_FIELDS = ['labels', 'annotations', 'ownerReferences'] as const;

/**
 * Makes the cluster's ServiceAccounts match the desired ones: creates the missing, rewrites ours
 * whose labels, annotations or owner drifted, and deletes ours no Gateway wants any more (its
 * Gateway was deleted or moved to another class). It does not wait for a garbage collector, which
 * a cluster may not run. An account of the same name that is not ours is left alone.
 */
export class AccountWriter {
  constructor(
    private readonly client: KubeRestClient,
    private readonly cache: ObjectCache,
    private readonly controllerName: string,
    private readonly log: (line: string) => void,
  ) {}

  async sync(desired: readonly ServiceAccount[]): Promise<void> {
    const type = this.cache.served.get('ServiceAccount');
    if (!type) return;
    const wanted = new Map(desired.map((a) => [objectKey(a), a]));
    const existing = this.cache.list<KubeObject>('ServiceAccount');
    const writes = [
      ...desired.map((account) => this.write(account, this.cache.get('ServiceAccount', objectKey(account)))),
      ...existing.filter((a) => isOurAccount(a, this.controllerName) && !wanted.has(objectKey(a))).map((a) => this.remove(a)),
    ];
    await Promise.all(writes.map((w) => w.catch((error: unknown) => this.log(`ServiceAccount sync failed: ${(error as Error).message}`))));
  }

  private async write(account: ServiceAccount, current: KubeObject | undefined): Promise<void> {
    const type = this.cache.served.get('ServiceAccount')!;
    const { namespace, name } = account.metadata;
    if (!current) {
      await this.ignoring([409], () => this.client.create(KubeRestClient.path(type, namespace), account));
      return;
    }
    if (!isOurAccount(current, this.controllerName)) {
      this.log(`ServiceAccount ${namespace}/${name} exists and is not ours: left alone`);
      return;
    }
    const meta = current.metadata as Meta;
    if (OWNED_FIELDS.every((field) => sameJson(meta[field] ?? {}, account.metadata[field] ?? {}))) return;
    const body = { ...current, apiVersion: 'v1', kind: 'ServiceAccount', metadata: { ...meta, ...pick(account.metadata) } };
    // A 409 means the account moved on meanwhile: its watch event triggers another reconcile.
    await this.ignoring([404, 409], () => this.client.replace(KubeRestClient.path(type, namespace, name), body));
  }

  private async remove(account: KubeObject): Promise<void> {
    const type = this.cache.served.get('ServiceAccount')!;
    await this.ignoring([404], () => this.client.delete(KubeRestClient.path(type, account.metadata.namespace, account.metadata.name)));
  }

  private async ignoring(statuses: readonly number[], write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof KubeApiError && statuses.includes(error.status))) throw error;
    }
  }
}

function pick(meta: Meta): Partial<Meta> {
  return Object.fromEntries(OWNED_FIELDS.filter((f) => meta[f] !== undefined).map((f) => [f, meta[f]]));
}
