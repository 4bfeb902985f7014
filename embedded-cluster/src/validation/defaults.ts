import { gatewayKind } from './gateway-kind.ts';
import { defaultGatewaySpec, defaultListenerSetSpec } from './gateway-defaults.ts';
import { objectAt, type JsonObject } from './json-shape.ts';
import { defaultGrpcRouteSpec, defaultHttpRouteSpec } from './route-defaults.ts';

const SPEC_DEFAULTERS: Record<string, (spec: JsonObject) => void> = {
  GRPCRoute: defaultGrpcRouteSpec,
  HTTPRoute: defaultHttpRouteSpec,
  Gateway: defaultGatewaySpec,
  ListenerSet: defaultListenerSetSpec,
};

/**
 * Returns a deep copy of `obj` with the Gateway API CRD defaults applied (the input is not
 * mutated). Objects of other kinds come back as an unchanged copy.
 */
export function applyDefaults<T extends Record<string, unknown>>(obj: T): T {
  const copy = structuredClone(obj);
  const kind = gatewayKind(copy);
  const defaulter = kind ? SPEC_DEFAULTERS[kind] : undefined;
  const spec = objectAt(copy, 'spec');
  if (defaulter && spec) defaulter(spec);
  return copy;
}
