// Types only (erased): the library itself is imported on first use, by LibraryTransport.
import type * as ClientLibraryModule from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeApiError, KubeconfigError, KubeUnreachableError } from './errors.ts';
import { DirectTransport } from './kube-transport.ts';
import type { KubeHttpRequest, KubeHttpResponse, KubeTransport } from './kube-transport.ts';
import { readKubeconfig } from './kubeconfig-view.ts';
import type { KubeconfigView } from './kubeconfig-view.ts';
import type { KubeObject } from './types.ts';

type ClientLibrary = typeof ClientLibraryModule;

// Patch content types (the API server's names; JSON is valid YAML for server-side apply).
const SERVER_SIDE_APPLY = 'application/apply-patch+yaml';
const MERGE_PATCH = 'application/merge-patch+json';

/** The field manager of every server-side apply the suite makes. */
export const FIELD_MANAGER = 'grpcroute-conformance';

export interface KubeClientOptions {
  /** Explicit kubeconfig file; otherwise $KUBECONFIG, then ~/.kube/config. */
  readonly kubeconfigPath?: string;
  readonly context?: string;
  /** Sent on every request, e.g. `grpcroute-conformance::0.1.0::GRPCRouteHeaderMatching`. */
  readonly userAgent: string;
  /** Deadline of one non-watch request. Default 30 s. */
  readonly requestTimeoutMs?: number;
}

/** Identifies one object; `apiVersion` + `kind` are resolved to a REST path through discovery. */
export interface ObjectKey {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface ListOptions {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

export interface ListResult {
  readonly items: KubeObject[];
  readonly resourceVersion: string;
}

export interface ResourceInfo {
  /** Plural resource name, e.g. 'grpcroutes'. */
  readonly name: string;
  readonly namespaced: boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  readonly type: WatchEventType;
  /** The object; for ERROR a Status object (code 410 = resourceVersion too old). */
  readonly object: KubeObject;
}

export interface WatchOptions extends ListOptions {
  readonly resourceVersion: string;
  readonly signal: AbortSignal;
}

/** How a watch stream ended. */
export interface WatchEnd {
  /** Undefined when the server simply closed the stream. */
  readonly error?: unknown;
}

/**
 * The suite's only door to the Kubernetes REST API. Returns plain JSON objects (the wire format),
 * never the client library's typed models, so status fields unknown to the library survive.
 */
export class KubeClient {
  readonly server: string;
  readonly contextName: string;
  readonly userAgent: string;
  private readonly view: KubeconfigView;
  private readonly transport: KubeTransport;
  private readonly discovery: Map<string, Promise<Map<string, ResourceInfo> | undefined>>;
  private readonly requestTimeoutMs: number;

  private constructor(
    view: KubeconfigView,
    transport: KubeTransport,
    userAgent: string,
    requestTimeoutMs: number,
    discovery: Map<string, Promise<Map<string, ResourceInfo> | undefined>>,
  ) {
    this.view = view;
    this.transport = transport;
    this.userAgent = userAgent;
    this.requestTimeoutMs = requestTimeoutMs;
    this.discovery = discovery;
    this.contextName = view.contextName;
    this.server = view.server;
  }

  /** Loads the kubeconfig; throws KubeconfigError for a missing file or an unknown context. */
  static load(options: KubeClientOptions): KubeClient {
    const explicit = options.kubeconfigPath;
    let files: string[];
    if (explicit !== undefined) {
      if (!existsSync(explicit)) {
        throw new KubeconfigError('GRPCCONF_KUBECONFIG_MISSING', `kubeconfig file ${explicit} does not exist; pass --kubeconfig with an existing file`);
      }
      files = [explicit];
    } else {
      files = defaultKubeconfigFiles();
      if (!files.some((f) => existsSync(f))) {
        throw new KubeconfigError(
          'GRPCCONF_KUBECONFIG_MISSING',
          `no kubeconfig found (looked at ${files.join(', ')}); pass --kubeconfig or set KUBECONFIG`,
        );
      }
    }
    const view = readKubeconfig(files, options.context, explicit ?? '(default)');
    // Plain-data credentials need no client library (whose import costs seconds per process);
    // plugins (exec, auth-provider), proxies and credential files go through the library.
    const transport = view.direct ? new DirectTransport(view.direct) : new LibraryTransport(explicit, view.contextName);
    return new KubeClient(view, transport, options.userAgent, options.requestTimeoutMs ?? 30_000, new Map());
  }

  /** The loaded (possibly merged) kubeconfig as YAML, with the chosen context current. Contains credentials. */
  exportConfig(): string {
    return this.view.exportYaml();
  }

  /** The same connection and discovery cache, with another User-Agent (one per test). */
  withUserAgent(userAgent: string): KubeClient {
    return new KubeClient(this.view, this.transport, userAgent, this.requestTimeoutMs, this.discovery);
  }

  /** Resource metadata for a kind, or undefined if the server does not serve it (e.g. CRD missing). */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    const cached = await this.resources(apiVersion, false);
    const hit = cached?.get(kind);
    if (hit) return hit;
    // A CRD installed after the first lookup: look once more before saying no.
    return (await this.resources(apiVersion, true))?.get(kind);
  }

  async get(key: ObjectKey): Promise<KubeObject | undefined> {
    const path = await this.objectPath(key);
    const res = await this.request('GET', path, {});
    if (res.status === 404) return undefined;
    return this.expectObject(res, 'GET', path);
  }

  async list(apiVersion: string, kind: string, options: ListOptions = {}): Promise<ListResult> {
    const path = await this.collectionPath(apiVersion, kind, options.namespace);
    const query = selectorQuery(options);
    const res = await this.request('GET', path, { query });
    const body = this.expectJson(res, 'GET', path) as { items?: KubeObject[]; metadata?: { resourceVersion?: string } };
    // List items come without apiVersion/kind on the wire.
    const items = (body.items ?? []).map((item) => ({ ...item, apiVersion, kind }));
    return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
  }

  /**
   * Streams watch events from `resourceVersion` until the server closes the stream, the signal aborts,
   * or the connection fails; resolves with how it ended. Never throws for stream failures.
   */
  async watch(apiVersion: string, kind: string, options: WatchOptions, onEvent: (event: WatchEvent) => void): Promise<WatchEnd> {
    const path = await this.collectionPath(apiVersion, kind, options.namespace);
    const query: Record<string, string> = {
      ...selectorQuery(options),
      watch: 'true',
      allowWatchBookmarks: 'true',
      resourceVersion: options.resourceVersion,
    };
    let res: Awaited<ReturnType<KubeClient['send']>>;
    try {
      res = await this.send('GET', path, { query, signal: options.signal });
    } catch (error) {
      return { error };
    }
    if (res.status !== 200) {
      const text = await res.text().catch(() => '');
      return { error: apiError(res.status, text, 'GET', path) };
    }
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of res.chunks()) {
        buffered += decoder.decode(chunk, { stream: true });
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (line !== '') onEvent(JSON.parse(line) as WatchEvent);
          newline = buffered.indexOf('\n');
        }
      }
    } catch (error) {
      if (options.signal.aborted) return {};
      return { error };
    }
    return {};
  }

  /** Server-side apply with our field manager, forcing ownership of conflicting fields. */
  async apply(object: KubeObject): Promise<KubeObject> {
    const key = keyOf(object);
    const path = await this.objectPath(key);
    const body = { ...object, metadata: withoutServerFields(object.metadata) };
    const res = await this.request('PATCH', path, {
      query: { fieldManager: FIELD_MANAGER, force: 'true' },
      body,
      contentType: SERVER_SIDE_APPLY,
    });
    return this.expectObject(res, 'PATCH', path);
  }

  /**
   * POST: fails with KubeApiError 409 when the object exists, which makes it the one atomic
   * "claim" the API offers (the run lock relies on it). Also how review kinds are asked.
   */
  async create(object: KubeObject): Promise<KubeObject> {
    const path = await this.collectionPath(object.apiVersion, object.kind, object.metadata.namespace);
    const res = await this.request('POST', path, { body: { ...object, metadata: withoutServerFields(object.metadata) } });
    return this.expectObject(res, 'POST', path);
  }

  /** JSON merge patch (RFC 7386); `null` removes a field. */
  async mergePatch(key: ObjectKey, patch: unknown): Promise<KubeObject> {
    const path = await this.objectPath(key);
    const res = await this.request('PATCH', path, { body: patch, contentType: MERGE_PATCH });
    return this.expectObject(res, 'PATCH', path);
  }

  /** Requests deletion (background propagation). Returns false when the object was already gone. */
  async delete(key: ObjectKey): Promise<boolean> {
    const path = await this.objectPath(key);
    const res = await this.request('DELETE', path, { query: { propagationPolicy: 'Background' } });
    if (res.status === 404) return false;
    this.expectJson(res, 'DELETE', path);
    return true;
  }

  /** The pod's log as text (the first container unless one is named). */
  async podLogs(namespace: string, name: string, container?: string): Promise<string> {
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`;
    const res = await this.request('GET', path, { query: container ? { container } : {}, accept: 'text/plain, */*' });
    if (res.status >= 300) throw apiError(res.status, res.text, 'GET', path);
    return res.text;
  }

  /** GET of a raw API path, e.g. '/version'; 404 → undefined. */
  async getPath(path: string, timeoutMs?: number): Promise<unknown> {
    const res = await this.request('GET', path, { timeoutMs });
    if (res.status === 404) return undefined;
    return this.expectJson(res, 'GET', path);
  }

  private async resources(apiVersion: string, refresh: boolean): Promise<Map<string, ResourceInfo> | undefined> {
    const existing = this.discovery.get(apiVersion);
    if (existing && !refresh) return existing;
    const lookup = this.fetchResources(apiVersion);
    this.discovery.set(apiVersion, lookup);
    // Do not cache a failed lookup: the next caller should try again.
    lookup.catch(() => this.discovery.delete(apiVersion));
    return lookup;
  }

  private async fetchResources(apiVersion: string): Promise<Map<string, ResourceInfo> | undefined> {
    const path = apiVersionPath(apiVersion);
    const res = await this.request('GET', path, {});
    if (res.status === 404) return undefined;
    const body = this.expectJson(res, 'GET', path) as { resources?: { name: string; kind: string; namespaced: boolean }[] };
    const byKind = new Map<string, ResourceInfo>();
    for (const r of body.resources ?? []) {
      if (!r.name.includes('/')) byKind.set(r.kind, { name: r.name, namespaced: r.namespaced });
    }
    return byKind;
  }

  private async collectionPath(apiVersion: string, kind: string, namespace: string | undefined): Promise<string> {
    const info = await this.resource(apiVersion, kind);
    if (!info) throw new KubeApiError({ status: 404, reason: 'NotFound', method: 'GET', path: apiVersionPath(apiVersion), message: `the server does not serve ${kind} in ${apiVersion}` });
    const ns = info.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${apiVersionPath(apiVersion)}${ns}/${info.name}`;
  }

  private async objectPath(key: ObjectKey): Promise<string> {
    const info = await this.resource(key.apiVersion, key.kind);
    if (!info) throw new KubeApiError({ status: 404, reason: 'NotFound', method: 'GET', path: apiVersionPath(key.apiVersion), message: `the server does not serve ${key.kind} in ${key.apiVersion}` });
    if (info.namespaced && key.namespace === undefined) throw new Error(`${key.kind} ${key.name} is namespaced but no namespace was given`);
    const ns = info.namespaced ? `/namespaces/${encodeURIComponent(key.namespace ?? '')}` : '';
    return `${apiVersionPath(key.apiVersion)}${ns}/${info.name}/${encodeURIComponent(key.name)}`;
  }

  private expectObject(res: { status: number; text: string }, method: string, path: string): KubeObject {
    return this.expectJson(res, method, path) as KubeObject;
  }

  private expectJson(res: { status: number; text: string }, method: string, path: string): unknown {
    if (res.status < 200 || res.status > 299) throw apiError(res.status, res.text, method, path);
    try {
      return JSON.parse(res.text) as unknown;
    } catch (error) {
      throw new KubeApiError({ status: res.status, method, path, message: `response is not JSON: ${(error as Error).message}` });
    }
  }

  private async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: { query?: Record<string, string>; body?: unknown; contentType?: string; accept?: string; timeoutMs?: number },
  ): Promise<{ status: number; text: string }> {
    const signal = AbortSignal.timeout(options.timeoutMs ?? this.requestTimeoutMs);
    const res = await this.send(method, path, { ...options, signal });
    return { status: res.status, text: await res.text() };
  }

  private async send(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: { query?: Record<string, string>; body?: unknown; contentType?: string; accept?: string; signal: AbortSignal },
  ): Promise<KubeHttpResponse> {
    const url = new URL(`${this.server}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { 'User-Agent': this.userAgent, Accept: options.accept ?? 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
    try {
      return await this.transport.send({
        method,
        url: url.toString(),
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof KubeconfigError) throw error;
      const reason: unknown = options.signal.reason;
      const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
      // Our own abort (a watch being stopped) is not an unreachable server.
      if (options.signal.aborted && !timedOut) throw error;
      throw new KubeUnreachableError(this.server, error);
    }
  }
}

/**
 * The client library as transport, for contexts that need its auth plugins or proxy support. It is
 * imported on first use. The library builds a fresh dispatcher (so a fresh TLS connection) per
 * request; the first is kept and reused. Credentials still come from the library on every request;
 * the TLS material is fixed per context, as in the library's own agent cache.
 */
class LibraryTransport implements KubeTransport {
  #ready: Promise<{ config: InstanceType<ClientLibrary['KubeConfig']>; lib: ClientLibrary }> | undefined;
  #dispatcher: unknown;

  constructor(
    private readonly kubeconfigPath: string | undefined,
    private readonly contextName: string,
  ) {}

  async send(request: KubeHttpRequest): Promise<KubeHttpResponse> {
    const { config, lib } = await (this.#ready ??= this.#load());
    const context = new lib.RequestContext(request.url, lib.HttpMethod[request.method]);
    await config.applySecurityAuthentication(context);
    const fresh = context.getDispatcher();
    if (fresh !== undefined) {
      this.#dispatcher ??= fresh;
      context.setDispatcher(this.#dispatcher as typeof fresh);
    }
    for (const [k, v] of Object.entries(request.headers)) context.setHeaderParam(k, v);
    if (request.body !== undefined) context.setBody(request.body);
    context.setSignal(request.signal);
    const response = await new lib.IsomorphicFetchHttpLibrary().send(context).toPromise();
    return {
      status: response.httpStatusCode,
      text: () => response.body.text(),
      chunks: () => (response.body.stream() ?? emptyStream()) as unknown as AsyncIterable<Uint8Array>,
    };
  }

  async #load() {
    const lib = await import('@kubernetes/client-node');
    const config = new lib.KubeConfig();
    try {
      if (this.kubeconfigPath !== undefined) config.loadFromFile(this.kubeconfigPath);
      else config.loadFromDefault();
      config.setCurrentContext(this.contextName);
    } catch (error) {
      this.#ready = undefined;
      throw new KubeconfigError('GRPCCONF_KUBECONFIG_INVALID', `cannot load kubeconfig ${this.kubeconfigPath ?? '(default)'}: ${(error as Error).message}`, error);
    }
    return { config, lib };
  }
}

async function* emptyStream(): AsyncIterable<Uint8Array> {}

/** The kubeconfig files used when none is given: $KUBECONFIG's entries, else ~/.kube/config. */
export function defaultKubeconfigFiles(): string[] {
  const fromEnv = (process.env['KUBECONFIG'] ?? '').split(delimiter).filter((p) => p !== '');
  return fromEnv.length > 0 ? fromEnv : [join(homedir(), '.kube', 'config')];
}

/** Builds the ObjectKey of a full object. */
export function keyOf(object: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): ObjectKey {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace };
}

function apiVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

function selectorQuery(options: ListOptions): Record<string, string> {
  const query: Record<string, string> = {};
  if (options.labelSelector) query['labelSelector'] = options.labelSelector;
  if (options.fieldSelector) query['fieldSelector'] = options.fieldSelector;
  return query;
}

function withoutServerFields(metadata: KubeObject['metadata']): KubeObject['metadata'] {
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, generation: _g, managedFields: _mf, ...rest } = metadata;
  return rest;
}

function apiError(status: number, text: string, method: string, path: string): KubeApiError {
  let reason: string | undefined;
  let message = text.slice(0, 500);
  try {
    const body = JSON.parse(text) as { reason?: string; message?: string };
    reason = body.reason;
    message = body.message ?? message;
  } catch {
    // Not a Status object: keep the raw text.
  }
  return new KubeApiError({ status, reason, method, path, message });
}
