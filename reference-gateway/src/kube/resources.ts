import type { ResourceType } from '../../../kube-rest/rest-client.ts';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** The kinds the controller watches, each with the versions to try in order (first served wins). */
export const WATCHED_KINDS = {
  GatewayClass: versions(GATEWAY_GROUP, 'gatewayclasses', false, ['v1']),
  Gateway: versions(GATEWAY_GROUP, 'gateways', true, ['v1']),
  ListenerSet: versions(GATEWAY_GROUP, 'listenersets', true, ['v1']),
  GRPCRoute: versions(GATEWAY_GROUP, 'grpcroutes', true, ['v1']),
  HTTPRoute: versions(GATEWAY_GROUP, 'httproutes', true, ['v1']),
  ReferenceGrant: versions(GATEWAY_GROUP, 'referencegrants', true, ['v1', 'v1beta1']),
  BackendTLSPolicy: versions(GATEWAY_GROUP, 'backendtlspolicies', true, ['v1', 'v1alpha3']),
  Service: versions('', 'services', true, ['v1']),
  EndpointSlice: versions('discovery.k8s.io', 'endpointslices', true, ['v1']),
  Secret: versions('', 'secrets', true, ['v1']),
  ConfigMap: versions('', 'configmaps', true, ['v1']),
  Namespace: versions('', 'namespaces', false, ['v1']),
  // Only those we generate matter (controller/infrastructure-accounts.ts); watched to repair and clean them up.
  ServiceAccount: versions('', 'serviceaccounts', true, ['v1']),
} as const satisfies Record<string, readonly ResourceType[]>;

export type WatchedKind = keyof typeof WATCHED_KINDS;

function versions(group: string, plural: string, namespaced: boolean, list: string[]): readonly ResourceType[] {
  return list.map((version) => ({ group, version, plural, namespaced }));
}
