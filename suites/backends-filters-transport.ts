import { grpcRouteBackendAppProtocol } from './grpcroute-backend-app-protocol.ts';
import { grpcRouteBackendFilters } from './grpcroute-backend-filters.ts';
import { grpcRouteBackendNoEndpoints } from './grpcroute-backend-no-endpoints.ts';
import { grpcRouteBackendTlsMissingCa } from './grpcroute-backend-tls-missing-ca.ts';
import { grpcRouteBackendStatusPassthrough } from './grpcroute-backend-status-passthrough.ts';
import { grpcRouteCrossNamespaceBackendRef } from './grpcroute-cross-namespace-backend-ref.ts';
import { grpcRouteCrossServingExclusive } from './grpcroute-cross-serving-exclusive.ts';
import { grpcRouteDeadline } from './grpcroute-deadline.ts';
import { grpcRouteExtensionRefUnresolved } from './grpcroute-extension-ref-unresolved.ts';
import { grpcRouteForeignStatusEntries } from './grpcroute-foreign-status-entries.ts';
import { grpcRouteHttpsListenerSni } from './grpcroute-https-listener-sni.ts';
import { grpcRouteInvalidBackendRefs } from './grpcroute-invalid-backend-refs.ts';
import { grpcRouteMirrorRefNotPermitted } from './grpcroute-mirror-ref-not-permitted.ts';
import { grpcRouteMixedValidInvalidBackends } from './grpcroute-mixed-valid-invalid-backends.ts';
import { grpcRouteMixedProtocolPort } from './grpcroute-mixed-protocol-port.ts';
import { grpcRouteNoBackendRefs } from './grpcroute-no-backend-refs.ts';
import { grpcRouteObservedGeneration } from './grpcroute-observed-generation.ts';
import { grpcRouteOutOfScopeParent } from './grpcroute-out-of-scope-parent.ts';
import { grpcRoutePartiallyInvalid } from './grpcroute-partially-invalid.ts';
import { grpcRouteReferenceGrantMatching } from './grpcroute-reference-grant-matching.ts';
import { grpcRouteRequestMirror } from './grpcroute-request-mirror.ts';
import { grpcRouteResponseHeaderModifier } from './grpcroute-response-header-modifier.ts';
import { grpcRouteStreaming } from './grpcroute-streaming.ts';

/** Backends, ReferenceGrant, filters, transport, gRPC semantics, status and cross-serving. */
export const backendsFiltersTransportTests = [
  grpcRouteNoBackendRefs,
  grpcRouteInvalidBackendRefs,
  grpcRouteCrossNamespaceBackendRef,
  grpcRouteReferenceGrantMatching,
  grpcRouteMixedValidInvalidBackends,
  grpcRouteBackendAppProtocol,
  grpcRouteBackendNoEndpoints,
  grpcRouteResponseHeaderModifier,
  grpcRouteRequestMirror,
  grpcRouteBackendFilters,
  grpcRouteExtensionRefUnresolved,
  grpcRouteHttpsListenerSni,
  grpcRouteStreaming,
  grpcRouteBackendStatusPassthrough,
  grpcRouteDeadline,
  grpcRouteObservedGeneration,
  grpcRouteForeignStatusEntries,
  grpcRoutePartiallyInvalid,
  grpcRouteCrossServingExclusive,
  grpcRouteOutOfScopeParent,
  grpcRouteMirrorRefNotPermitted,
  grpcRouteBackendTlsMissingCa,
  grpcRouteMixedProtocolPort,
];
