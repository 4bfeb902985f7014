import { createHash } from 'node:crypto';
import type { ApiObject } from '../api-object.ts';
import { isRecord, nowTimestamp } from '../api-object.ts';
import { canonicalJson } from '../canonical-json.ts';
import { randomSuffix } from '../random-suffix.ts';
import { resourceKey } from '../registry.ts';
import type { ResourceService } from '../resource-service.ts';
import { isPodReady } from './pod-readiness.ts';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/**
 * Plays the Deployment and ReplicaSet controllers in one: keeps spec.replicas pods of the
 * current template (named `<deployment>-<template hash>-<5 chars>`, owned directly by the
 * Deployment), replaces pods of an old template once the new ones are ready, writes status.
 */
export class DeploymentController {
  constructor(private readonly service: ResourceService) {}

  reconcile(namespace: string, name: string): void {
    const deployments = this.service.registry.byKind('apps', 'Deployment')!;
    const pods = this.service.registry.byKind('', 'Pod')!;
    const deployment = this.service.find(deployments, namespace, name);
    if (!deployment || deployment.metadata.deletionTimestamp) return;
    const uid = deployment.metadata.uid;
    const owned = this.service.list(pods, namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid) && !p.metadata.deletionTimestamp);
    const template = isRecord(deployment.spec?.template) ? deployment.spec.template : {};
    const hash = templateHash(template);
    const desired = typeof deployment.spec?.replicas === 'number' ? deployment.spec.replicas : 1;
    const current = owned.filter((p) => p.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash);
    const old = owned.filter((p) => p.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] !== hash);

    for (let i = current.length; i < desired; i++) this.service.create(pods, namespace, podFor(deployment, template, hash));
    const newestFirst = [...current].sort((a, b) => this.seq(b) - this.seq(a));
    for (const extra of newestFirst.slice(0, Math.max(0, current.length - desired))) this.service.delete(pods, namespace, extra.metadata.name ?? '');
    const readyCurrent = current.filter(isPodReady).length;
    if (readyCurrent >= Math.min(desired, current.length) && current.length >= desired) {
      for (const pod of old) this.service.delete(pods, namespace, pod.metadata.name ?? '');
    }

    // Terminating pods no longer count, as with the real ReplicaSet controller.
    const remaining = this.service.list(pods, namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid) && !p.metadata.deletionTimestamp);
    const ready = remaining.filter(isPodReady).length;
    const updated = remaining.filter((p) => p.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash).length;
    this.writeStatus(deployment, {
      observedGeneration: deployment.metadata.generation ?? 1,
      replicas: remaining.length,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(remaining.length - ready > 0 ? { unavailableReplicas: remaining.length - ready } : {}),
      conditions: [
        ready >= desired
          ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
          : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
        updated >= desired && ready >= desired
          ? { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `Deployment "${name}" has successfully progressed.` }
          : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `Deployment "${name}" is progressing.` },
      ],
    });
  }

  private seq(pod: ApiObject): number {
    return this.service.store.seqOf(resourceKey(this.service.registry.byKind('', 'Pod')!), pod.metadata.namespace ?? '', pod.metadata.name ?? '');
  }

  private writeStatus(deployment: ApiObject, status: Record<string, unknown>): void {
    const previous = Array.isArray(deployment.status?.conditions) ? deployment.status.conditions.filter(isRecord) : [];
    const now = nowTimestamp();
    status.conditions = (status.conditions as Record<string, unknown>[]).map((c) => {
      const before = previous.find((p) => p.type === c.type);
      const unchanged = before && before.status === c.status && before.reason === c.reason;
      return { ...c, lastUpdateTime: unchanged ? before.lastUpdateTime : now, lastTransitionTime: before && before.status === c.status ? before.lastTransitionTime : now };
    });
    const deployments = this.service.registry.byKind('apps', 'Deployment')!;
    this.service.update(deployments, deployment.metadata.namespace ?? '', deployment.metadata.name ?? '', { ...deployment, metadata: { ...deployment.metadata, resourceVersion: undefined }, status }, 'status');
  }
}

/** Ten hex characters of the template's hash, like the real pod-template-hash label. */
function templateHash(template: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(template)).digest('hex').slice(0, 10);
}

function podFor(deployment: ApiObject, template: Record<string, unknown>, hash: string): ApiObject {
  const meta = isRecord(template.metadata) ? template.metadata : {};
  const name = deployment.metadata.name ?? '';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${name}-${hash}-`,
      name: `${name}-${hash}-${randomSuffix()}`,
      labels: { ...(isRecord(meta.labels) ? (meta.labels as Record<string, string>) : {}), [POD_TEMPLATE_HASH_LABEL]: hash },
      ...(isRecord(meta.annotations) ? { annotations: meta.annotations as Record<string, string> } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deployment.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    // No nodeName: like kube-controller-manager, this leaves placing the pod to a scheduler (the node agent binds it).
    spec: { ...(isRecord(template.spec) ? template.spec : {}) },
  };
}
