import { checkBackendTlsPolicy } from './backend-tls-policy.ts';
import type { ValidationCause } from './cause.ts';
import { resolveChannel, type ValidationOptions } from './channel.ts';
import { applyDefaults } from './defaults.ts';
import { checkGateway, checkGatewayStatus } from './gateway.ts';
import { checkGatewayClass } from './gateway-class.ts';
import { gatewayKind } from './gateway-kind.ts';
import { checkGrpcRoute } from './grpcroute.ts';
import { checkHttpRoute } from './httproute.ts';
import type { JsonObject } from './json-shape.ts';
import { checkMetadataName } from './metadata-name.ts';
import { checkListenerSet, checkListenerSetStatus } from './listener-set.ts';
import { checkReferenceGrant } from './reference-grant.ts';
import { SchemaCheck } from './schema-check.ts';

export type { ValidationCause } from './cause.ts';
export type { Channel, ValidationOptions } from './channel.ts';
export { CHANNEL_ANNOTATION } from './channel.ts';
export { applyDefaults } from './defaults.ts';

type KindCheck = (c: SchemaCheck, obj: JsonObject, old?: JsonObject) => void;

const KIND_CHECKS: Record<string, KindCheck> = {
  GRPCRoute: checkGrpcRoute,
  HTTPRoute: checkHttpRoute,
  Gateway: checkGateway,
  GatewayClass: checkGatewayClass,
  ListenerSet: checkListenerSet,
  ReferenceGrant: checkReferenceGrant,
  BackendTLSPolicy: checkBackendTlsPolicy,
};

/** Kinds whose CRD has no x-kubernetes-validations rules at all. */
const WITHOUT_CEL = new Set(['ReferenceGrant']);

const STATUS_CHECKS: Record<string, (c: SchemaCheck, obj: JsonObject) => void> = {
  Gateway: checkGatewayStatus,
  ListenerSet: checkListenerSetStatus,
};

/**
 * Validates an object the way the API server would with the Gateway API CRDs installed: schema
 * keywords and CEL rules, judged after CRD defaults (so callers may pass the object as received).
 * `old` is the stored version on update/patch, used by transition rules. Returns [] when valid.
 * A status write is judged on the status alone (see ValidationOptions.subresource).
 * Objects outside gateway.networking.k8s.io only get a `metadata.name` check for well-known kinds.
 */
export function validateObject(obj: Record<string, unknown>, old?: Record<string, unknown>, options?: ValidationOptions): ValidationCause[] {
  const kind = gatewayKind(obj);
  const c = new SchemaCheck(resolveChannel(obj, options), !kind || !WITHOUT_CEL.has(kind), options?.bundleVersion);
  if (options?.subresource === 'status') {
    const check = kind ? STATUS_CHECKS[kind] : undefined;
    if (check) check(c, obj);
    return c.causes;
  }
  checkMetadataName(c, obj);
  const check = kind ? KIND_CHECKS[kind] : undefined;
  if (check) check(c, applyDefaults(obj), old ? applyDefaults(old) : undefined);
  return c.causes;
}
