/** Controller-side faults: each one is a realistic bug, switched on by name for mutation testing. */
export const CONTROLLER_FAULTS = [
  { name: 'ignore-reference-grant', description: 'Cross-namespace backendRefs are allowed without a ReferenceGrant.' },
  { name: 'keep-revoked-grant', description: 'A reference once permitted by a ReferenceGrant stays permitted after the grant is removed.' },
  { name: 'accept-disallowed-namespace', description: 'Listener allowedRoutes.namespaces is ignored: routes from any namespace attach.' },
  { name: 'wrong-attached-routes', description: 'Listener attachedRoutes counts every route that references the Gateway, accepted or not.' },
  { name: 'stale-observed-generation', description: 'Conditions keep the observedGeneration the controller first saw for an object.' },
  { name: 'missing-resolved-refs', description: 'Route parent status never carries a ResolvedRefs condition.' },
  { name: 'no-partially-invalid', description: 'A route with one invalid rule is rejected as a whole instead of dropping the rule.' },
  { name: 'ignore-section-name', description: 'parentRefs[].sectionName is ignored: the route attaches to every listener.' },
  { name: 'ignore-hostname-intersection', description: 'Route hostnames are used as written, even when they do not intersect the listener hostname.' },
  { name: 'reveal-missing-target', description: 'A RefNotPermitted message says whether the cross-namespace target exists ("not found").' },
  { name: 'ignore-listener-hostname', description: 'The data plane is told the listener has no hostname, so it serves every host.' },
  { name: 'wrong-supported-kinds', description: 'Listener supportedKinds always lists GRPCRoute and HTTPRoute, whatever allowedRoutes.kinds says.' },
  { name: 'ignore-app-protocol', description: 'Service port appProtocol is not checked: unusable protocols resolve as valid backends.' },
  { name: 'ignore-backend-tls-policy', description: 'BackendTLSPolicy is not applied: backends are reached in cleartext.' },
  { name: 'ignore-listener-conflicts', description: 'Listeners sharing a port with a different protocol or the same hostname are not marked Conflicted and are served.' },
  { name: 'ignore-gateway-class', description: 'Gateways of every GatewayClass are reconciled, including classes of other controllers.' },
  { name: 'append-route-conditions', description: 'Changed route parent conditions are appended next to the old ones instead of replacing them.' },
  { name: 'cross-serving-prefers-httproute', description: 'Exclusive cross-serving: the HTTPRoute keeps the listener whatever the age of either route.' },
  { name: 'touches-foreign-conditions', description: 'Status parents written by other controllers are removed when writing ours.' },
  { name: 'ignore-parameters-ref', description: 'Gateway infrastructure.parametersRef is not looked at: a Gateway naming unknown parameters is accepted.' },
  { name: 'certificate-ref-kind-unchecked', description: 'A listener certificateRef is read as a Secret of that name whatever its group and kind say.' },
] as const;

export type ControllerFaultName = (typeof CONTROLLER_FAULTS)[number]['name'];
