import { grpcRouteAllowedNamespaces } from './grpcroute-allowed-namespaces.ts';
import { grpcRouteAuthorityWithPort } from './grpcroute-authority-with-port.ts';
import { grpcRouteHeaderRegexMatching } from './grpcroute-header-regex-matching.ts';
import { grpcRouteHostnameIntersection } from './grpcroute-hostname-intersection.ts';
import { grpcRouteListenerConflicts } from './grpcroute-listener-conflicts.ts';
import { grpcRouteListenerHttp2Support } from './grpcroute-listener-http2-support.ts';
import { grpcRouteListenerInvalidConfig } from './grpcroute-listener-invalid-config.ts';
import { grpcRouteListenerIsolation } from './grpcroute-listener-isolation.ts';
import { grpcRouteListenerSetAttachment } from './grpcroute-listener-set-attachment.ts';
import { grpcRouteListenerSupportedKinds } from './grpcroute-listener-supported-kinds.ts';
import { grpcRouteListenerTlsConfig } from './grpcroute-listener-tls-config.ts';
import { grpcRouteMethodAndHeaderMatching } from './grpcroute-method-and-header-matching.ts';
import { grpcRouteMethodOnlyMatching } from './grpcroute-method-only-matching.ts';
import { grpcRouteMethodRegexMatching } from './grpcroute-method-regex-matching.ts';
import { grpcRouteMultipleGateways } from './grpcroute-multiple-gateways.ts';
import { grpcRouteParentRefPort } from './grpcroute-parent-ref-port.ts';
import { grpcRoutePrecedenceHeaderCount } from './grpcroute-precedence-header-count.ts';
import { grpcRoutePrecedenceHostname } from './grpcroute-precedence-hostname.ts';
import { grpcRoutePrecedenceMethod } from './grpcroute-precedence-method.ts';
import { grpcRoutePrecedenceRouteAge } from './grpcroute-precedence-route-age.ts';
import { grpcRoutePrecedenceRouteName } from './grpcroute-precedence-route-name.ts';
import { grpcRouteSectionNameSelection } from './grpcroute-section-name-selection.ts';
import { grpcRouteServiceMatching } from './grpcroute-service-matching.ts';

/** Matching, precedence, hostname and attachment tests: matching first, then precedence, then attachment. */
export const matchingAndAttachmentTests = [
  grpcRouteServiceMatching,
  grpcRouteMethodOnlyMatching,
  grpcRouteMethodRegexMatching,
  grpcRouteHeaderRegexMatching,
  grpcRouteMethodAndHeaderMatching,
  grpcRouteAuthorityWithPort,
  grpcRoutePrecedenceHostname,
  grpcRoutePrecedenceMethod,
  grpcRoutePrecedenceHeaderCount,
  grpcRoutePrecedenceRouteAge,
  grpcRoutePrecedenceRouteName,
  grpcRouteHostnameIntersection,
  grpcRouteSectionNameSelection,
  grpcRouteParentRefPort,
  grpcRouteAllowedNamespaces,
  grpcRouteListenerSupportedKinds,
  grpcRouteMultipleGateways,
  grpcRouteListenerIsolation,
  grpcRouteListenerInvalidConfig,
  grpcRouteListenerTlsConfig,
  grpcRouteListenerConflicts,
  grpcRouteListenerHttp2Support,
  grpcRouteListenerSetAttachment,
];
