import { backendTlsPolicyGrpcRoute } from './backendtlspolicy-grpcroute.ts';
import { grpcExactMethodMatching } from './grpc-exact-method-matching.ts';
import { grpcRouteHeaderMatching } from './grpcroute-header-matching.ts';
import { grpcRouteListenerHostnameMatching } from './grpcroute-listener-hostname-matching.ts';
import { grpcRouteMultipleRoutesAttachmentSameHostnameIntersection } from './grpcroute-multiple-routes-attachment-same-hostname-intersection.ts';
import { grpcRouteNamedRule } from './grpcroute-named-rule.ts';
import { grpcRouteRequestHeaderModifier } from './grpcroute-request-header-modifier.ts';
import { grpcRouteWeight } from './grpcroute-weight.ts';

/** The upstream Gateway GRPCRoute tests, under their upstream names, in upstream order. */
export const upstreamParityTests = [
  grpcExactMethodMatching,
  grpcRouteHeaderMatching,
  grpcRouteListenerHostnameMatching,
  grpcRouteNamedRule,
  grpcRouteWeight,
  grpcRouteRequestHeaderModifier,
  backendTlsPolicyGrpcRoute,
  grpcRouteMultipleRoutesAttachmentSameHostnameIntersection,
];
