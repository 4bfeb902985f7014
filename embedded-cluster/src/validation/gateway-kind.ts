import { GATEWAY_GROUP } from './patterns.ts';

/** The kind of a Gateway API object (by apiVersion group), or undefined for any other object. */
export function gatewayKind(obj: Record<string, unknown>): string | undefined {
  const apiVersion = obj['apiVersion'];
  const kind = obj['kind'];
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash > 0 && apiVersion.slice(0, slash) === GATEWAY_GROUP ? kind : undefined;
}
