import { createHash } from 'node:crypto';
import type { Gateway, KubeObject } from '../kube/objects.ts';
import type { ControllerSettings } from './settings.ts';

/** GEP-1762's well-known label: every generated resource names its Gateway. */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
/** Marks what this controller generated (its value is our controllerName), so cleanup never touches anything else. */
export const MANAGED_BY_ANNOTATION = 'reference-gateway.grpcroute-conformance.dev/controller';

const SUFFIX = '-gateway';
const MAX_NAME = 63;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface ServiceAccount extends KubeObject {
  metadata: KubeObject['metadata'] & {
    namespace: string;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
  };
}

/**
 * `<gateway>-gateway`, which cannot be the namespace's own `default` account. Names that would pass
 * 63 characters (a Gateway name may have 253) keep a prefix and end in a hash of the whole Gateway
 * name, so two long names that share the prefix still get two accounts.
 */
export function serviceAccountName(gatewayName: string): string {
  const plain = `${gatewayName}${SUFFIX}`;
  if (plain.length <= MAX_NAME) return plain;
  const hash = createHash('sha256').update(gatewayName).digest('hex').slice(0, 10);
  const prefix = gatewayName.slice(0, MAX_NAME - SUFFIX.length - hash.length - 1).replace(/[^a-z0-9]+$/, '');
  return `${prefix}-${hash}${SUFFIX}`;
}

/**
 * One ServiceAccount per Gateway, in its namespace, owned by it: spec.infrastructure labels and
 * annotations ("SHOULD be applied to any resources created in response to this Gateway"), then
 * ours, which win. The gateway-name label is left out where the name is no valid label value (longer
 * than 63 characters): the API server would refuse the account. The `infrastructure-metadata-dropped`
 * fault keeps only our own metadata.
 */
export function desiredServiceAccounts(gateways: readonly Gateway[], settings: ControllerSettings): ServiceAccount[] {
  const dropped = settings.faults.has('infrastructure-metadata-dropped');
  return gateways.map((gateway) => {
    const infrastructure = dropped ? {} : (gateway.spec.infrastructure ?? {});
    const name = gateway.metadata.name;
    const nameLabel: Record<string, string> = name.length <= MAX_NAME && LABEL_VALUE.test(name) ? { [GATEWAY_NAME_LABEL]: name } : {};
    return {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: serviceAccountName(name),
        namespace: gateway.metadata.namespace ?? 'default',
        labels: { ...infrastructure.labels, ...nameLabel },
        annotations: { ...infrastructure.annotations, [MANAGED_BY_ANNOTATION]: settings.controllerName },
        ...(gateway.metadata.uid ? { ownerReferences: [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', name, uid: gateway.metadata.uid, controller: true }] } : {}),
      },
    };
  });
}

/** Whether this controller generated the account (and may change or delete it). */
export function isOurAccount(account: KubeObject, controllerName: string): boolean {
  return (account.metadata.annotations as Record<string, string> | undefined)?.[MANAGED_BY_ANNOTATION] === controllerName;
}
