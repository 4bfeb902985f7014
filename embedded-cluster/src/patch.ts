import { isRecord } from './api-object.ts';
import { ApiStatusError, badRequest } from './status-errors.ts';

/** RFC 7386 JSON merge patch: objects merge, null deletes, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = applyMergePatch(result[k], v);
  }
  return result;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw badRequest('json patch must be an array of operations');
  let doc = structuredClone(target);
  for (const op of operations) {
    if (!isRecord(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw badRequest(`invalid json patch operation: ${JSON.stringify(op)}`);
    }
    const path = parsePointer(op.path);
    switch (op.op) {
      case 'add':
        doc = setAt(doc, path, structuredClone(op.value), 'add');
        break;
      case 'replace':
        getAt(doc, path, op.path);
        doc = setAt(doc, path, structuredClone(op.value), 'replace');
        break;
      case 'remove':
        doc = removeAt(doc, path, op.path);
        break;
      case 'move':
      case 'copy': {
        if (typeof op.from !== 'string') throw badRequest(`json patch ${op.op} needs "from"`);
        const from = parsePointer(op.from);
        const value = structuredClone(getAt(doc, from, op.from));
        if (op.op === 'move') doc = removeAt(doc, from, op.from);
        doc = setAt(doc, path, value, 'add');
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, path, op.path)) !== JSON.stringify(op.value)) {
          throw new ApiStatusError(422, 'Invalid', `the server rejected our request due to an error in our request: testing value ${op.path} failed`);
        }
        break;
      default:
        throw badRequest(`unknown json patch operation "${op.op}"`);
    }
  }
  return doc;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid json pointer "${pointer}"`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: unknown, path: string[], pointer: string): unknown {
  let cursor = doc;
  for (const segment of path) {
    if (Array.isArray(cursor)) cursor = cursor[Number(segment)];
    else if (isRecord(cursor)) cursor = cursor[segment];
    else cursor = undefined;
    if (cursor === undefined) throw new ApiStatusError(422, 'Invalid', `the server rejected our request due to an error in our request: path ${pointer} does not exist`);
  }
  return cursor;
}

function setAt(doc: unknown, path: string[], value: unknown, mode: 'add' | 'replace'): unknown {
  if (path.length === 0) return value;
  const parent = getAt(doc, path.slice(0, -1), '/' + path.slice(0, -1).join('/'));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw badRequest(`json patch index out of range: ${last}`);
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isRecord(parent)) parent[last] = value;
  else throw badRequest(`json patch target is not a container: /${path.join('/')}`);
  return doc;
}

function removeAt(doc: unknown, path: string[], pointer: string): unknown {
  getAt(doc, path, pointer);
  const parent = getAt(doc, path.slice(0, -1), pointer);
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isRecord(parent)) delete parent[last];
  return doc;
}

/**
 * Strategic merge patch, approximated: a merge patch, except that lists of objects under the
 * well-known keys below merge element by element on their merge key (as the real server does
 * for containers, ports, env, volumes, conditions), `{$patch: delete}` entries remove an
 * element, and the `$setElementOrder/`, `$retainKeys` and `$deleteFromPrimitiveList/`
 * directives kubectl sends are dropped (order and retain semantics are not modelled).
 */
export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  if (patch.$patch === 'replace') return stripDirectives(patch);
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete result[k];
    else if (Array.isArray(v)) result[k] = mergeList(k, result[k], v);
    else result[k] = applyStrategicMergePatch(result[k], v);
  }
  return result;
}

const MERGE_KEYS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  env: ['name'],
  volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'],
  ports: ['port', 'containerPort'],
  conditions: ['type'],
  ownerReferences: ['uid'],
};

function mergeList(field: string, current: unknown, patch: unknown[]): unknown[] {
  const candidates = MERGE_KEYS[field];
  const objects = patch.every(isRecord);
  const mergeKey = candidates?.find((k) => patch.some((e) => isRecord(e) && e[k] !== undefined));
  if (!objects || !mergeKey || !Array.isArray(current)) {
    return patch.filter((e) => !(isRecord(e) && e.$patch === 'delete')).map(stripDirectives);
  }
  const result = [...current];
  for (const element of patch as Record<string, unknown>[]) {
    const index = result.findIndex((e) => isRecord(e) && e[mergeKey] === element[mergeKey]);
    if (element.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = applyStrategicMergePatch(result[index], element);
    else result.push(stripDirectives(element));
  }
  return result;
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectives(v);
  return out;
}
