import type { KubeClient } from './client.ts';

const GATEWAY_V1 = 'gateway.networking.k8s.io/v1';

/** apiVersions to try for a kind named without one, newest first (BackendTLSPolicy moved from v1alpha3 to v1). */
const CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  GatewayClass: [GATEWAY_V1],
  Gateway: [GATEWAY_V1],
  GRPCRoute: [GATEWAY_V1],
  HTTPRoute: [GATEWAY_V1],
  ListenerSet: [GATEWAY_V1],
  ReferenceGrant: ['gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1'],
  BackendTLSPolicy: [GATEWAY_V1, 'gateway.networking.k8s.io/v1alpha3'],
  Namespace: ['v1'],
  Service: ['v1'],
  Pod: ['v1'],
  ServiceAccount: ['v1'],
  Secret: ['v1'],
  ConfigMap: ['v1'],
  Event: ['v1'],
  Endpoints: ['v1'],
  Deployment: ['apps/v1'],
  EndpointSlice: ['discovery.k8s.io/v1'],
  CustomResourceDefinition: ['apiextensions.k8s.io/v1'],
};

/** Thrown when a kind is unknown to the suite or not served by the cluster. */
export class UnknownKindError extends Error {
  readonly code = 'GRPCCONF_UNKNOWN_KIND';

  constructor(kind: string, tried: readonly string[]) {
    super(tried.length === 0 ? `unknown kind ${kind}` : `the cluster serves ${kind} in none of ${tried.join(', ')}`);
    this.name = 'UnknownKindError';
  }
}

/** The apiVersion the cluster serves `kind` in. */
export async function apiVersionFor(client: KubeClient, kind: string): Promise<string> {
  const candidates = CANDIDATES[kind] ?? [];
  for (const apiVersion of candidates) {
    if (await client.resource(apiVersion, kind)) return apiVersion;
  }
  throw new UnknownKindError(kind, candidates);
}
