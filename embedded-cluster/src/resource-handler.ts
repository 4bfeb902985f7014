import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiObject } from './api-object.ts';
import { isRecord } from './api-object.ts';
import type { ResourcePath } from './api-path.ts';
import { readDeleteOptions } from './delete-options.ts';
import { readDryRun } from './dry-run.ts';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch.ts';
import { renderLogLines } from '../../node-agent/src/log-query.ts';
import type { PodLogSource } from './pod-log-source.ts';
import { apiVersionOf } from './registry.ts';
import { readBody } from './request-body.ts';
import type { ResourceService } from './resource-service.ts';
import { parseFieldSelector, parseLabelSelector } from './selectors.ts';
import { badRequest, methodNotAllowed, successStatus, unsupportedMediaType } from './status-errors.ts';
import { toTable } from './table.ts';
import type { WatchHub } from './watch.ts';

/** The verb a request counts as in stats(), following Kubernetes' own naming. */
export function verbOf(method: string, path: ResourcePath, query: URLSearchParams): string {
  const watch = path.watchPrefix || query.get('watch') === 'true' || query.get('watch') === '1';
  switch (method) {
    case 'GET':
      return path.name ? 'get' : watch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return path.name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

type Reply = (code: number, body: unknown) => void;

/** Serves one request on a resource path: the verbs, patch types, subresources and watch. */
export async function handleResource(
  req: IncomingMessage,
  res: ServerResponse,
  path: ResourcePath,
  query: URLSearchParams,
  deps: { service: ResourceService; watches: WatchHub; logs: PodLogSource },
  reply: Reply,
): Promise<void> {
  const { service } = deps;
  const { def, version, name } = path;
  const namespace = path.namespace ?? '';
  const present = (o: ApiObject): ApiObject => service.present(def, o, version);
  const verb = verbOf(req.method ?? 'GET', path, query);
  const statusOnly = path.subresource === 'status' ? 'status' : undefined;
  if (path.subresource === 'binding' && verb !== 'create') throw methodNotAllowed(`${req.method ?? ''} is not supported on pods/binding`);

  switch (verb) {
    case 'get': {
      if (path.subresource === 'log') return servePodLog(res, namespace, name!, query, deps, reply);
      const object = service.get(def, namespace, name!);
      return reply(200, wantsTable(req) ? toTable(def.kind, [object], object.metadata.resourceVersion ?? '', query.get('includeObject') ?? undefined) : present(object));
    }
    case 'list': {
      const matches = selectorOf(query);
      const items = service.list(def, path.namespace).filter(matches);
      const rv = String(service.store.currentRv());
      if (wantsTable(req)) return reply(200, toTable(def.kind, items, rv, query.get('includeObject') ?? undefined));
      return reply(200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def.group, version), metadata: { resourceVersion: rv }, items: items.map(present) });
    }
    case 'watch': {
      const timeout = query.get('timeoutSeconds');
      deps.watches.serve(
        {
          def,
          version,
          ...(path.namespace !== undefined ? { namespace: path.namespace } : {}),
          matches: selectorOf(query),
          ...(query.has('resourceVersion') ? { resourceVersion: query.get('resourceVersion')! } : {}),
          ...(timeout ? { timeoutSeconds: Number(timeout) } : {}),
          allowBookmarks: query.get('allowWatchBookmarks') === 'true',
          sendInitialEvents: query.get('sendInitialEvents') === 'true',
        },
        res,
      );
      return;
    }
    case 'create': {
      if (name && path.subresource === 'binding') {
        service.bind(def, namespace, name, await readBody(req));
        return reply(201, { ...successStatus({}), code: 201 });
      }
      if (name) throw methodNotAllowed('POST is not allowed on a named object');
      const dryRun = readDryRun(query, verb);
      return reply(201, present(service.create(def, namespace, await readBody(req), true, dryRun)));
    }
    case 'update': {
      const dryRun = readDryRun(query, verb);
      return reply(200, present(service.update(def, namespace, name!, await readBody(req), statusOnly, true, dryRun)));
    }
    case 'patch':
      return servePatch(req, path, query, deps, reply, present);
    case 'delete': {
      if (readDryRun(query, verb)) {
        const found = service.get(def, namespace, name!);
        return reply(200, successStatus({ name: name!, ...(def.group ? { group: def.group } : {}), kind: def.plural, uid: found.metadata.uid ?? '' }));
      }
      const removed = service.delete(def, namespace, name!, await readDeleteOptions(req, query));
      if (removed.metadata.deletionTimestamp) return reply(200, present(removed));
      return reply(200, successStatus({ name: name!, ...(def.group ? { group: def.group } : {}), kind: def.plural, uid: removed.metadata.uid ?? '' }));
    }
    case 'deletecollection': {
      const matches = selectorOf(query);
      const removed = service.list(def, path.namespace).filter(matches).map((o) => service.delete(def, o.metadata.namespace ?? '', o.metadata.name ?? ''));
      return reply(200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def.group, version), metadata: { resourceVersion: String(service.store.currentRv()) }, items: removed.map(present) });
    }
    default:
      throw methodNotAllowed(`${req.method ?? ''} is not supported`);
  }
}

async function servePatch(
  req: IncomingMessage,
  path: ResourcePath,
  query: URLSearchParams,
  deps: { service: ResourceService },
  reply: Reply,
  present: (o: ApiObject) => ApiObject,
): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const body = await readBody(req);
  const { def, name } = path;
  const namespace = path.namespace ?? '';
  const patchRv = isRecord(body) && isRecord(body.metadata) && typeof body.metadata.resourceVersion === 'string' ? body.metadata.resourceVersion : undefined;
  const subresource = path.subresource === 'status' ? ('status' as const) : undefined;
  let change: (current: ApiObject | undefined) => unknown;
  switch (contentType) {
    case 'application/merge-patch+json':
      change = (current) => applyMergePatch(current, body);
      break;
    case 'application/strategic-merge-patch+json':
      change = (current) => applyStrategicMergePatch(current, body);
      break;
    case 'application/json-patch+json':
      change = (current) => applyJsonPatch(current, body);
      break;
    case 'application/apply-patch+yaml':
      if (!query.get('fieldManager')) throw badRequest('PATCH, application/apply-patch+yaml requires fieldManager to be set');
      // Server-side apply, approximated as a merge of the applied configuration (no field ownership).
      change = (current) => (current ? applyMergePatch(current, body) : body);
      break;
    default:
      throw unsupportedMediaType(contentType);
  }
  const existed = deps.service.find(def, namespace, name!) !== undefined;
  const dryRun = readDryRun(query, 'patch');
  const result = deps.service.patch(def, namespace, name!, change, {
    ...(subresource ? { subresource } : {}),
    ...(dryRun ? { dryRun } : {}),
    createIfMissing: contentType === 'application/apply-patch+yaml',
    ...(patchRv && contentType !== 'application/json-patch+json' ? { patchRv } : {}),
  });
  reply(existed ? 200 : 201, present(result));
}

function servePodLog(
  res: ServerResponse,
  namespace: string,
  name: string,
  query: URLSearchParams,
  deps: { service: ResourceService; logs: PodLogSource },
  reply: Reply,
): void {
  const pod = deps.service.get(deps.service.registry.find('', 'v1', 'pods')!, namespace, name);
  const lines = deps.logs.linesOf(namespace, name);
  if (!lines) {
    const container = isRecord(pod.spec) && Array.isArray(pod.spec.containers) && isRecord(pod.spec.containers[0]) ? String(pod.spec.containers[0].name) : '';
    return reply(400, badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`).toStatus());
  }
  const text = renderLogLines(lines, query);
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(text);
}

function selectorOf(query: URLSearchParams): (o: ApiObject) => boolean {
  const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(query.get('fieldSelector') ?? undefined);
  return (o) => labels(o) && fields(o);
}

function wantsTable(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',')[0]?.includes('as=Table') ?? false;
}
