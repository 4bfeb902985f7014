import type { ApiObject } from '../api-object.ts';
import { resourceKey } from '../registry.ts';
import type { ResourceService } from '../resource-service.ts';
import { ApiStatusError } from '../status-errors.ts';
import type { StoreEvent } from '../store.ts';
import { KeyedQueue } from '../../../kube-rest/keyed-queue.ts';
import { DeploymentController } from './deployments.ts';
import { EndpointSliceController } from './endpoint-slices.ts';

/**
 * The embedded stand-in for kube-controller-manager's workload controllers (Deployments and
 * EndpointSlices), reacting to store changes through per-object work queues, so each object is
 * reconciled by one task at a time and bursts of changes coalesce. Pods themselves are the node
 * agent's (node-agent/), which reaches this server over REST like a kubelet.
 */
export class WorkloadControllers {
  private readonly queues: { deployments: KeyedQueue; services: KeyedQueue };
  private readonly unsubscribe: () => void;
  private readonly keys: Record<'pods' | 'deployments' | 'services', string>;

  constructor(private readonly service: ResourceService) {
    const registry = service.registry;
    const key = (group: string, kind: string): string => resourceKey(registry.byKind(group, kind)!);
    this.keys = { pods: key('', 'Pod'), deployments: key('apps', 'Deployment'), services: key('', 'Service') };
    const deployments = new DeploymentController(service);
    const slices = new EndpointSliceController(service);
    const split = (k: string): [string, string] => {
      const i = k.indexOf('/');
      return [k.slice(0, i), k.slice(i + 1)];
    };
    this.queues = {
      deployments: new KeyedQueue(async (k) => deployments.reconcile(...split(k)), reportError),
      services: new KeyedQueue(async (k) => slices.reconcile(...split(k)), reportError),
    };
    this.unsubscribe = service.store.subscribe((event) => this.dispatch(event));
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await Promise.all(Object.values(this.queues).map((q) => q.stop()));
  }

  private dispatch(event: StoreEvent): void {
    const object = event.object;
    const namespace = object.metadata.namespace ?? '';
    const id = `${namespace}/${object.metadata.name ?? ''}`;
    switch (event.resource) {
      case this.keys.deployments:
        this.queues.deployments.enqueue(id);
        break;
      case this.keys.pods:
        for (const owner of ownersOf(object, event.oldObject)) this.queues.deployments.enqueue(`${namespace}/${owner}`);
        this.enqueueServices(namespace);
        break;
      case this.keys.services:
        this.queues.services.enqueue(id);
        break;
    }
  }

  private enqueueServices(namespace: string): void {
    const services = this.service.registry.byKind('', 'Service')!;
    for (const svc of this.service.list(services, namespace)) this.queues.services.enqueue(`${namespace}/${svc.metadata.name ?? ''}`);
  }
}

function ownersOf(object: ApiObject, old?: ApiObject): string[] {
  const refs = [...(object.metadata.ownerReferences ?? []), ...(old?.metadata.ownerReferences ?? [])];
  return [...new Set(refs.filter((r) => r.kind === 'Deployment').map((r) => r.name))];
}

/** Conflicts with concurrent deletion (404, 409, 403 in a terminating namespace) are expected and retried by later events. */
function reportError(key: string, error: unknown): void {
  if (error instanceof ApiStatusError && [403, 404, 409].includes(error.httpCode)) return;
  process.stderr.write(`embedded-cluster: workload reconcile of ${key} failed: ${(error as Error).stack ?? String(error)}\n`);
}
