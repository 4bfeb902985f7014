import { randomUUID } from 'node:crypto';
import type { ApiObject } from './api-object.ts';
import { isRecord } from './api-object.ts';
import { canonicalJson } from './canonical-json.ts';
import { ClusterIpAllocator } from './cluster-ip-allocator.ts';
import { applyCoreDefaults } from './core-defaults.ts';
import { applyGatewayInitialStatus } from './gateway-initial-status.ts';
import { boundPod } from './pod-binding.ts';
import type { DeleteOptions } from './pod-deletion.ts';
import { terminatingPod } from './pod-deletion.ts';
import { randomSuffix } from './random-suffix.ts';
import type { ResourceDef, ResourceRegistry } from './registry.ts';
import { apiVersionOf, resourceKey } from './registry.ts';
import { ApiStatusError, alreadyExists, badRequest, conflict, forbidden, invalid, methodNotAllowed, notFound } from './status-errors.ts';
import type { ObjectStore } from './store.ts';
import type { ValidationCause } from './validation/index.ts';
import { applyDefaults as applyCrdDefaults } from './validation/index.ts';
import { toStatusCause } from './validation-hook.ts';

/** Checks one object (against its stored version on update); [] when valid. */
export type Validator = (obj: Record<string, unknown>, old?: Record<string, unknown>, subresource?: 'status') => ValidationCause[];

const NAMESPACES = 'namespaces';

/**
 * The object lifecycle the real API server enforces, independent of HTTP: naming, namespaces,
 * optimistic concurrency, generation versus status, defaults and validation. The HTTP layer and
 * the in-process workload runner both write through it.
 */
export class ResourceService {
  private readonly clusterIps = new ClusterIpAllocator();

  constructor(
    readonly store: ObjectStore,
    readonly registry: ResourceRegistry,
    private readonly validate: Validator,
  ) {}

  get(def: ResourceDef, namespace: string, name: string): ApiObject {
    const found = this.store.get(resourceKey(def), scope(def, namespace), name);
    if (!found) throw notFound(def.plural, def.group, name);
    return found;
  }

  find(def: ResourceDef, namespace: string, name: string): ApiObject | undefined {
    return this.store.get(resourceKey(def), scope(def, namespace), name);
  }

  list(def: ResourceDef, namespace?: string): ApiObject[] {
    return this.store.list(resourceKey(def), def.namespaced ? namespace : undefined);
  }

  /**
   * `owned`: the caller hands `body` over (a freshly decoded request), so it need not be copied.
   * `dryRun`: everything but storing; the answer has a uid and creation time but no resourceVersion.
   */
  create(def: ResourceDef, namespace: string, body: unknown, owned = false, dryRun = false): ApiObject {
    this.refuseReadOnly(def, 'create');
    const object = this.checkBody(def, body, namespace, owned);
    const meta = object.metadata;
    if (!meta.name) {
      if (!meta.generateName) {
        throw invalid(def.kind, def.group, '', [{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]);
      }
      meta.name = this.freeName(def, meta.namespace ?? '', meta.generateName);
    }
    if (def.namespaced) this.requireWritableNamespace(def, meta.namespace ?? '', meta.name);
    if (this.store.get(resourceKey(def), meta.namespace ?? '', meta.name)) throw alreadyExists(def.plural, def.group, meta.name);
    for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'managedFields']) delete meta[field];
    meta.generation = 1;
    if (def.statusSubresource) delete object.status;
    this.applyDefaults(def, object, true);
    if (def.kind === 'Service' && object.spec && object.spec.clusterIP === undefined) {
      const ip = this.clusterIps.allocate();
      object.spec.clusterIP = ip;
      object.spec.clusterIPs = [ip];
    }
    this.runValidation(def, object);
    if (dryRun) return { ...object, metadata: { ...object.metadata, uid: randomUUID(), creationTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } };
    return this.store.insert(resourceKey(def), object);
  }

  /** PUT of the main resource or of /status. An empty resourceVersion means an unconditional update. */
  update(def: ResourceDef, namespace: string, name: string, body: unknown, subresource?: 'status', owned = false, dryRun = false): ApiObject {
    this.refuseReadOnly(def, 'update');
    const incoming = this.checkBody(def, body, namespace, owned);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== name) {
      throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    const current = this.get(def, namespace, name);
    const wantedRv = incoming.metadata.resourceVersion;
    if (wantedRv && wantedRv !== current.metadata.resourceVersion) throw conflict(def.plural, def.group, name);

    let next: ApiObject;
    if (subresource === 'status') {
      next = { ...current, metadata: { ...current.metadata }, status: incoming.status };
    } else {
      next = incoming;
      const keep = current.metadata;
      next.metadata = {
        ...next.metadata,
        name,
        namespace: keep.namespace,
        uid: keep.uid,
        creationTimestamp: keep.creationTimestamp,
        generation: keep.generation,
        ...(keep.deletionTimestamp ? { deletionTimestamp: keep.deletionTimestamp } : {}),
      };
      if (!def.namespaced) delete next.metadata.namespace;
      delete next.metadata.managedFields;
      if (def.statusSubresource) {
        if (current.status === undefined) delete next.status;
        else next.status = structuredClone(current.status);
      }
      this.applyDefaults(def, next, false);
      if (def.kind === 'Service' && next.spec && current.spec) {
        next.spec.clusterIP ??= current.spec.clusterIP;
        next.spec.clusterIPs ??= current.spec.clusterIPs;
      }
      if (specOf(next) !== specOf(current)) next.metadata.generation = (keep.generation ?? 1) + 1;
    }
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (unchanged(next, current)) return current;
    this.runValidation(def, next, current, subresource);
    if (dryRun) return next;
    return this.store.replace(resourceKey(def), next);
  }

  /**
   * Applies `change` to the current object and writes the result like an update; a
   * resourceVersion the patch itself carries must match. `createIfMissing` serves apply.
   */
  patch(
    def: ResourceDef,
    namespace: string,
    name: string,
    change: (current: ApiObject | undefined) => unknown,
    options: { subresource?: 'status'; createIfMissing?: boolean; patchRv?: string; dryRun?: boolean },
  ): ApiObject {
    this.refuseReadOnly(def, 'patch');
    const current = this.find(def, namespace, name);
    if (!current) {
      if (!options.createIfMissing || options.subresource) throw notFound(def.plural, def.group, name);
      const created = change(undefined);
      if (isRecord(created) && isRecord(created.metadata)) created.metadata.name ??= name;
      return this.create(def, namespace, structuredClone(created), true, options.dryRun);
    }
    if (options.patchRv && options.patchRv !== current.metadata.resourceVersion) throw conflict(def.plural, def.group, name);
    const patched = change(structuredClone(current));
    if (!isRecord(patched)) throw badRequest('the patch did not produce an object');
    if (isRecord(patched.metadata)) patched.metadata.resourceVersion = current.metadata.resourceVersion;
    return this.update(def, namespace, name, patched, options.subresource, true, options.dryRun);
  }

  /**
   * Deletes an object. A Namespace first turns Terminating; its contents and then the
   * Namespace itself are removed right after, on the next turn of the event loop. A pod bound to
   * a node is deleted gracefully (see pod-deletion.ts).
   */
  delete(def: ResourceDef, namespace: string, name: string, options: DeleteOptions = {}): ApiObject {
    this.refuseReadOnly(def, 'delete');
    const current = this.get(def, namespace, name);
    if (options.uid !== undefined && options.uid !== current.metadata.uid) {
      throw new ApiStatusError(409, 'Conflict', `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${current.metadata.uid ?? ''}`, {
        name,
        ...(def.group ? { group: def.group } : {}),
        kind: def.plural,
      });
    }
    if (def.kind === 'Pod' && def.group === '') {
      const marked = terminatingPod(current, options);
      if (marked === current) return current;
      if (marked) return this.store.replace(resourceKey(def), marked);
    }
    if (def.plural === NAMESPACES && def.group === '') {
      if (current.metadata.deletionTimestamp) return current;
      const terminating = this.store.replace(resourceKey(def), {
        ...current,
        metadata: { ...current.metadata, deletionTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') },
        status: { ...current.status, phase: 'Terminating' },
      });
      setImmediate(() => this.finishNamespace(name));
      return terminating;
    }
    return this.store.remove(resourceKey(def), scope(def, namespace), name) ?? current;
  }

  /** POST pods/{name}/binding: assigns the pod to a node. */
  bind(def: ResourceDef, namespace: string, name: string, binding: unknown): ApiObject {
    return this.store.replace(resourceKey(def), boundPod(this.get(def, namespace, name), binding));
  }

  /** The object as served at `version` of its group (stored objects carry the preferred version). */
  present(def: ResourceDef, object: ApiObject, version: string): ApiObject {
    const apiVersion = apiVersionOf(def.group, version);
    return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
  }

  private finishNamespace(name: string): void {
    for (const def of this.registry.resources) {
      if (!def.namespaced) continue;
      for (const object of this.store.list(resourceKey(def), name)) this.store.remove(resourceKey(def), name, object.metadata.name ?? '');
    }
    const nsDef = this.registry.find('', 'v1', NAMESPACES);
    if (nsDef) this.store.remove(resourceKey(nsDef), '', name);
  }

  private checkBody(def: ResourceDef, body: unknown, namespace: string, owned: boolean): ApiObject {
    if (!isRecord(body) || !isRecord(body.metadata ?? {})) throw badRequest('the request body is not a Kubernetes object');
    const object = (owned ? body : structuredClone(body)) as ApiObject;
    object.metadata ??= {};
    if (object.kind !== undefined && object.kind !== def.kind) {
      throw badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${def.kind})`);
    }
    const expectedVersions = def.versions.map((v) => apiVersionOf(def.group, v));
    if (object.apiVersion !== undefined && !expectedVersions.includes(String(object.apiVersion))) {
      throw badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expectedVersions[0]})`);
    }
    object.kind = def.kind;
    object.apiVersion = expectedVersions[0];
    if (def.namespaced) {
      if (object.metadata.namespace && object.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      object.metadata.namespace = namespace;
    } else delete object.metadata.namespace;
    return object;
  }

  private requireWritableNamespace(def: ResourceDef, namespace: string, name: string): void {
    const nsDef = this.registry.find('', 'v1', NAMESPACES);
    const ns = nsDef ? this.store.get(resourceKey(nsDef), '', namespace) : undefined;
    if (!ns) throw notFound(NAMESPACES, '', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(
        `${def.group ? `${def.plural}.${def.group}` : def.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        { name, ...(def.group ? { group: def.group } : {}), kind: def.plural },
      );
    }
  }

  private freeName(def: ResourceDef, namespace: string, prefix: string): string {
    for (;;) {
      const candidate = `${prefix}${randomSuffix()}`;
      if (!this.store.get(resourceKey(def), namespace, candidate)) return candidate;
    }
  }

  private applyDefaults(def: ResourceDef, object: ApiObject, isCreate: boolean): void {
    applyCoreDefaults(def.kind, object, isCreate);
    if (!def.viaCrd) return;
    if (object.spec) object.spec = applyCrdDefaults(object).spec;
    if (isCreate) applyGatewayInitialStatus(def.kind, object);
  }

  private runValidation(def: ResourceDef, object: ApiObject, old?: ApiObject, subresource?: 'status'): void {
    if (!def.viaCrd) return;
    const causes = this.validate(object, old, subresource);
    if (causes.length > 0) {
      throw invalid(def.kind, def.group, object.metadata.name ?? '', causes.map((c) => toStatusCause(c, object)));
    }
  }

  private refuseReadOnly(def: ResourceDef, verb: string): void {
    if (def.readOnly) throw methodNotAllowed(`${verb} is not supported on ${def.plural}.${def.group} by the embedded cluster`);
  }
}

function scope(def: ResourceDef, namespace: string): string {
  return def.namespaced ? namespace : '';
}

function unchanged(next: ApiObject, current: ApiObject): boolean {
  const a = JSON.stringify(next);
  const b = JSON.stringify(current);
  return a === b || (a.length === b.length && canonicalJson(next) === canonicalJson(current));
}

/** Everything that counts as spec for generation: all but metadata, status and type fields. */
function specOf(object: ApiObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = object;
  return canonicalJson(rest);
}

