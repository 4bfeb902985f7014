import type { KubeClient } from '../../harness/kube/client.ts';
import { conditionsOf } from '../../harness/kube/status.ts';
import type { KubeObject } from '../../harness/kube/types.ts';
import { done, notYet, waitForObject } from '../../harness/kube/wait.ts';

const WAIT_MS = 120_000;

/**
 * The features the implementation declares in its GatewayClass status that upstream's
 * GATEWAY-GRPC profile can exercise (Gateway*, GRPCRoute*, ReferenceGrant, ListenerSet). Upstream's own
 * inference would take every declared feature, and for Traefik that runs about a hundred
 * HTTPRoute tests no GRPC comparison needs. Waits until the class is Accepted with features.
 */
export async function declaredGrpcProfileFeatures(client: KubeClient, gatewayClass: string, signal: AbortSignal): Promise<string[]> {
  const declared = await waitForObject(
    client,
    { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', name: gatewayClass },
    (object: KubeObject | undefined) => {
      const accepted = conditionsOf(object?.status).some((c) => c.type === 'Accepted' && c.status === 'True');
      const features = ((object?.status as { supportedFeatures?: { name?: string }[] } | undefined)?.supportedFeatures ?? []).map((f) => f.name ?? '');
      return accepted && features.length > 0 ? done(features) : notYet(accepted ? 'no status.supportedFeatures yet' : 'not Accepted yet');
    },
    { object: `GatewayClass ${gatewayClass}`, wanted: 'Accepted with status.supportedFeatures', timeoutName: 'gatewayClassMustHaveFeatures', timeoutMs: WAIT_MS, signal },
  );
  return declared.filter((name) => ['ReferenceGrant', 'ListenerSet'].includes(name) || name.startsWith('Gateway') || name.startsWith('GRPCRoute')).sort();
}
