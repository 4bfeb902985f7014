import { arrayAt, isJsonObject, objectAt, type JsonObject } from './json-shape.ts';
import { GATEWAY_GROUP } from './patterns.ts';

/** Sets `obj[key]` when it is absent (null counts as absent, as the server prunes nulls first). */
export function defaultField(obj: JsonObject | undefined, key: string, value: unknown): void {
  if (obj && (obj[key] === undefined || obj[key] === null)) obj[key] = value;
}

/** The objects of the list at `key` (non-objects skipped). */
export function objectsAt(parent: JsonObject | undefined, key: string): JsonObject[] {
  return arrayAt(parent, key).filter(isJsonObject);
}

function defaultBackendObjectReference(ref: JsonObject | undefined): void {
  defaultField(ref, 'group', '');
  defaultField(ref, 'kind', 'Service');
}

function defaultBackendRefs(rule: JsonObject): void {
  for (const ref of objectsAt(rule, 'backendRefs')) {
    defaultBackendObjectReference(ref);
    defaultField(ref, 'weight', 1);
    defaultFilters(ref);
  }
}

function defaultFilters(owner: JsonObject): void {
  for (const filter of objectsAt(owner, 'filters')) {
    const mirror = objectAt(filter, 'requestMirror');
    defaultBackendObjectReference(objectAt(mirror, 'backendRef'));
    defaultField(objectAt(mirror, 'fraction'), 'denominator', 100);
  }
}

function defaultParentRefs(spec: JsonObject): void {
  for (const ref of objectsAt(spec, 'parentRefs')) {
    defaultField(ref, 'group', GATEWAY_GROUP);
    defaultField(ref, 'kind', 'Gateway');
  }
}

/** CRD defaults of a GRPCRoute spec, in place. */
export function defaultGrpcRouteSpec(spec: JsonObject): void {
  defaultParentRefs(spec);
  for (const rule of objectsAt(spec, 'rules')) {
    for (const match of objectsAt(rule, 'matches')) {
      defaultField(objectAt(match, 'method'), 'type', 'Exact');
      for (const header of objectsAt(match, 'headers')) defaultField(header, 'type', 'Exact');
    }
    defaultFilters(rule);
    defaultBackendRefs(rule);
  }
}

const rootPathMatch = (): JsonObject => ({ path: { type: 'PathPrefix', value: '/' } });

/** CRD defaults of an HTTPRoute spec, in place (including the catch-all rule and path match). */
export function defaultHttpRouteSpec(spec: JsonObject): void {
  defaultParentRefs(spec);
  defaultField(spec, 'rules', [{ matches: [rootPathMatch()] }]);
  for (const rule of objectsAt(spec, 'rules')) {
    defaultField(rule, 'matches', [rootPathMatch()]);
    for (const match of objectsAt(rule, 'matches')) {
      defaultField(match, 'path', { type: 'PathPrefix', value: '/' });
      defaultField(objectAt(match, 'path'), 'type', 'PathPrefix');
      defaultField(objectAt(match, 'path'), 'value', '/');
      for (const header of objectsAt(match, 'headers')) defaultField(header, 'type', 'Exact');
      for (const param of objectsAt(match, 'queryParams')) defaultField(param, 'type', 'Exact');
    }
    defaultFilters(rule);
    defaultBackendRefs(rule);
  }
}
