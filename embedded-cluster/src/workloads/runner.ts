import type { ApiObject } from '../api-object.ts';
import type { LogLine, PodLogSource } from '../pod-log-source.ts';
import { resourceKey } from '../registry.ts';
import type { ResourceService } from '../resource-service.ts';
import { ApiStatusError } from '../status-errors.ts';
import type { StoreEvent } from '../store.ts';
import { DeploymentController } from './deployments.ts';
import { EndpointSliceController } from './endpoint-slices.ts';
import { PodIpAllocator } from './ip-allocator.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { Kubelet } from './pods.ts';

/**
 * The in-process stand-in for kubelet and the workload controllers: reacts to store changes
 * (Deployments, Pods, Services, Secrets, ConfigMaps) through per-object work queues, so each
 * object is reconciled by one task at a time and bursts of changes coalesce.
 */
export class WorkloadRunner implements PodLogSource {
  private readonly kubelet: Kubelet;
  private readonly queues: { pods: KeyedQueue; deployments: KeyedQueue; services: KeyedQueue };
  private readonly unsubscribe: () => void;
  private readonly keys: Record<'pods' | 'deployments' | 'services' | 'secrets' | 'configmaps', string>;

  constructor(private readonly service: ResourceService) {
    const registry = service.registry;
    const key = (group: string, kind: string): string => resourceKey(registry.byKind(group, kind)!);
    this.keys = { pods: key('', 'Pod'), deployments: key('apps', 'Deployment'), services: key('', 'Service'), secrets: key('', 'Secret'), configmaps: key('', 'ConfigMap') };
    this.kubelet = new Kubelet(service, new PodIpAllocator());
    const deployments = new DeploymentController(service);
    const slices = new EndpointSliceController(service);
    const split = (k: string): [string, string] => {
      const i = k.indexOf('/');
      return [k.slice(0, i), k.slice(i + 1)];
    };
    this.queues = {
      pods: new KeyedQueue((k) => this.kubelet.reconcile(...split(k)), reportError),
      deployments: new KeyedQueue(async (k) => deployments.reconcile(...split(k)), reportError),
      services: new KeyedQueue(async (k) => slices.reconcile(...split(k)), reportError),
    };
    this.unsubscribe = service.store.subscribe((event) => this.dispatch(event));
  }

  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined {
    return this.kubelet.linesOf(namespace, pod);
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await Promise.all(Object.values(this.queues).map((q) => q.stop()));
    await this.kubelet.stop();
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
        this.queues.pods.enqueue(id);
        for (const owner of ownersOf(object, event.oldObject)) this.queues.deployments.enqueue(`${namespace}/${owner}`);
        this.enqueueServices(namespace);
        break;
      case this.keys.services:
        this.queues.services.enqueue(id);
        break;
      case this.keys.secrets:
      case this.keys.configmaps:
        for (const pod of this.kubelet.waitingPods(namespace)) this.queues.pods.enqueue(`${namespace}/${pod}`);
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
