import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import { CORE } from './core-types.ts';
import type { AgentObject } from './pod-object.ts';
import { nowTimestamp, podKey } from './pod-object.ts';

export const AGENT_COMPONENT = 'grpcroute-node-agent';

/**
 * Records Warning Events about pods (legacy core/v1 shape: no eventTime, so a real server checks
 * only that the namespaces agree). One Event per distinct problem of a pod, not one per reconcile.
 */
export class PodEventRecorder {
  private readonly lastByPod = new Map<string, string>();

  constructor(
    private readonly client: KubeRestClient,
    private readonly nodeName: string,
    private readonly log: (line: string) => void,
  ) {}

  async warn(pod: AgentObject, reason: string, message: string): Promise<void> {
    const key = podKey(pod);
    const fingerprint = `${pod.metadata.uid ?? ''}|${reason}|${message}`;
    if (this.lastByPod.get(key) === fingerprint) return;
    this.lastByPod.set(key, fingerprint);
    const now = nowTimestamp();
    const namespace = pod.metadata.namespace ?? '';
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { generateName: `${pod.metadata.name}.`, namespace },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace, name: pod.metadata.name, uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion },
      reason,
      message,
      type: 'Warning',
      source: { component: AGENT_COMPONENT, host: this.nodeName },
      reportingComponent: AGENT_COMPONENT,
      reportingInstance: this.nodeName,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    try {
      await this.client.create(KubeRestClient.path(CORE.Event, namespace), event);
    } catch (error) {
      // An Event is a courtesy: the pod status already says the same; a failed write must not block the pod.
      this.log(`event ${reason} for pod ${key} not recorded: ${(error as Error).message}`);
    }
  }

  /** Forgets a pod, so a new pod of the same name gets its own Events. */
  forget(key: string): void {
    this.lastByPod.delete(key);
  }
}
