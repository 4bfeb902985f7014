import type { Gateway } from '../kube/objects.ts';

/**
 * Why the Gateway's infrastructure.parametersRef makes it unacceptable, or undefined without one.
 * This implementation has no parameters kind at all, so every reference is to an unsupported
 * kind, and Gateway API says such a Gateway SHOULD be rejected with Accepted=False, reason
 * InvalidParameters (GatewayInfrastructure.parametersRef).
 */
export function parametersRejection(gateway: Gateway): string | undefined {
  const ref = gateway.spec.infrastructure?.parametersRef;
  if (!ref) return undefined;
  return `infrastructure.parametersRef ${ref.group}/${ref.kind} ${ref.name}: this implementation supports no parameters kind`;
}
