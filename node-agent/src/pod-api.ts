import { KubeApiError } from '../../kube-rest/errors.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import { CORE } from './core-types.ts';
import type { AgentObject } from './pod-object.ts';

/** The pod writes a kubelet makes, over REST: binding, status, and confirming a graceful deletion. */
export class PodApi {
  constructor(private readonly client: KubeRestClient) {}

  /** Assigns the pod to `nodeName` the way a scheduler does; false when it was bound or gone meanwhile. */
  async bind(pod: AgentObject, nodeName: string): Promise<boolean> {
    const { name, namespace } = pod.metadata;
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) },
      target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
    };
    return this.tolerateRaces(() => this.client.create(KubeRestClient.path(CORE.Pod, namespace, name, 'binding'), binding));
  }

  /**
   * Merge-patches /status with the whole status the agent owns; fields it does not own (qosClass)
   * stay. The uid makes a real server refuse the write when the pod was replaced meanwhile.
   */
  writeStatus(pod: AgentObject, status: Record<string, unknown>): Promise<boolean> {
    const path = KubeRestClient.path(CORE.Pod, pod.metadata.namespace, pod.metadata.name, 'status');
    return this.tolerateRaces(() => this.client.mergePatch(path, { metadata: { uid: pod.metadata.uid }, status }));
  }

  /** What the kubelet does once a terminating pod's containers are gone: delete it for good, this uid only. */
  confirmDeletion(pod: AgentObject): Promise<boolean> {
    const path = KubeRestClient.path(CORE.Pod, pod.metadata.namespace, pod.metadata.name);
    const options = { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } };
    return this.tolerateRaces(() => this.client.delete(path, options));
  }

  /**
   * A pod deleted, replaced or bound by someone else meanwhile (404, 409, 422 on a changed uid, 403
   * in a terminating namespace) is no error: the watch brings the new state and a fresh reconcile.
   */
  private async tolerateRaces(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof KubeApiError && [403, 404, 409, 422].includes(error.status)) return false;
      throw error;
    }
  }
}
