import { gatewayClassObservedGenerationBump } from './gateway-class-observed-generation-bump.ts';
import { gatewayInfrastructure, gatewayInfrastructureMetadata } from './gateway-infrastructure-metadata.ts';
import { gatewayInvalidParametersRef } from './gateway-invalid-parameters-ref.ts';
import { gatewayInvalidRouteKind } from './gateway-invalid-route-kind.ts';
import { gatewayInvalidTlsConfiguration } from './gateway-invalid-tls-configuration.ts';
import { gatewayListenerUnsupportedProtocol } from './gateway-listener-unsupported-protocol.ts';
import { gatewayModifyListeners } from './gateway-modify-listeners.ts';
import { gatewayNameMaximumLength } from './gateway-name-maximum-length.ts';
import { gatewayObservedGenerationBump } from './gateway-observed-generation-bump.ts';
import { gatewayOptionalAddressValue } from './gateway-optional-address-value.ts';
import { gatewayPreserveForeignConditions } from './gateway-preserve-foreign-conditions.ts';
import { gatewaySecretInvalidReferenceGrant } from './gateway-secret-invalid-reference-grant.ts';
import { gatewaySecretMissingReferenceGrant } from './gateway-secret-missing-reference-grant.ts';
import { gatewaySecretReferenceGrantAllInNamespace } from './gateway-secret-reference-grant-all-in-namespace.ts';
import { gatewaySecretReferenceGrantSpecific } from './gateway-secret-reference-grant-specific.ts';
import { gatewayStaticAddresses } from './gateway-static-addresses.ts';
import { listenerSetAllowedNamespaceNone } from './listener-set-allowed-namespace-none.ts';
import { listenerSetAllowedNamespaceSame } from './listener-set-allowed-namespace-same.ts';
import { listenerSetAllowedNamespaceSelector } from './listener-set-allowed-namespace-selector.ts';
import { listenerSetDefaultNotAllowed } from './listener-set-default-not-allowed.ts';
import { listenerSetHostnameConflict } from './listener-set-hostname-conflict.ts';
import { listenerSetProtocolConflict } from './listener-set-protocol-conflict.ts';
import { listenerSetReferenceGrant } from './listener-set-reference-grant.ts';

/**
 * Upstream's Gateway-only tests that its GATEWAY-GRPC profile holds, under their upstream names
 * and with upstream's cases, so our GATEWAY-GRPC counts line up with an upstream report.
 */
export const upstreamGatewayTests = [
  gatewayClassObservedGenerationBump,
  gatewayInfrastructure,
  gatewayInfrastructureMetadata,
  gatewayInvalidParametersRef,
  gatewayInvalidRouteKind,
  gatewayInvalidTlsConfiguration,
  gatewayListenerUnsupportedProtocol,
  gatewayModifyListeners,
  gatewayNameMaximumLength,
  gatewayObservedGenerationBump,
  gatewayOptionalAddressValue,
  gatewayPreserveForeignConditions,
  gatewaySecretInvalidReferenceGrant,
  gatewaySecretMissingReferenceGrant,
  gatewaySecretReferenceGrantAllInNamespace,
  gatewaySecretReferenceGrantSpecific,
  gatewayStaticAddresses,
  listenerSetAllowedNamespaceNone,
  listenerSetAllowedNamespaceSame,
  listenerSetAllowedNamespaceSelector,
  listenerSetDefaultNotAllowed,
  listenerSetHostnameConflict,
  listenerSetProtocolConflict,
  listenerSetReferenceGrant,
];
