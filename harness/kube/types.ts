/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    generation?: number;
    resourceVersion?: string;
    creationTimestamp?: string;
    uid?: string;
    [k: string]: unknown;
  };
  spec?: unknown;
  status?: unknown;
  [k: string]: unknown;
}

export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  /** Default: the infra namespace. */
  readonly namespace?: string;
}

/** Where to send traffic for a Gateway listener: the status address and the listener port, after dial mapping. */
export interface GatewayAddress {
  /** Address from Gateway status (what a client would resolve). */
  readonly host: string;
  /** Listener port from the Gateway spec. */
  readonly port: number;
  /** Where the harness actually connects, after --gateway-address and dial mapping. */
  readonly dialHost: string;
  readonly dialPort: number;
}

/** A condition as read from status. */
export interface ObservedCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

export interface ConditionExpectation {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason?: string;
  /** Where the spec allows several reasons: any of these. */
  readonly reasonOneOf?: readonly string[];
  /**
   * Names the message must contain (case-insensitive), where the spec says the message names them.
   * Never words a message must not contain: wording is the implementation's.
   */
  readonly messageIncludes?: readonly string[];
}

export interface ParentSelector {
  /** Default Gateway; a ListenerSet is a route's parent too (GEP-1713). */
  readonly kind?: 'Gateway' | 'ListenerSet';
  /** Gateway (or ListenerSet) name. */
  readonly name: string;
  /** Default: the infra namespace. */
  readonly namespace?: string;
  /** When set, the status parent's parentRef.sectionName must equal it. */
  readonly sectionName?: string;
  readonly port?: number;
}

export interface RouteRef {
  readonly name: string;
  readonly namespace?: string;
  /** Default 'GRPCRoute'. */
  readonly kind?: 'GRPCRoute' | 'HTTPRoute';
}

export interface GatewayAndRoutesOptions {
  /** Gateway name (namespace default infra) and the listener(s) the routes attach to. */
  readonly gateway: { readonly name: string; readonly namespace?: string; readonly listeners?: readonly string[] };
  readonly routes: readonly RouteRef[];
}

/** Objects of several kinds selected by labels, not by name (what an implementation generates). */
export interface LabelledObjectsQuery {
  readonly kinds: readonly string[];
  /** e.g. 'gateway.networking.k8s.io/gateway-name=my-gateway'. */
  readonly labelSelector: string;
  /** Default: the infra namespace. */
  readonly namespace?: string;
}

/** Kind → the matching objects, ordered as the API server lists them (by name). */
export type LabelledObjects = Readonly<Record<string, readonly KubeObject[]>>;

export interface KubeHelpers {
  /**
   * Waits (watch-based) until the Gateway is Accepted+Programmed with an address and all
   * listeners are Accepted/ResolvedRefs/Programmed, and every route has a parent entry from our
   * controller for this Gateway (and for each listed sectionName) with Accepted=True and
   * ResolvedRefs=True at the route's current generation. Returns the address of the first
   * named listener (or listener 0).
   */
  gatewayAndRoutesMustBeAccepted(opts: GatewayAndRoutesOptions): Promise<GatewayAddress>;
  /** Address of a listener (by name) of a Gateway, once it has one. */
  gatewayAddress(gateway: { name: string; namespace?: string }, listener?: string): Promise<GatewayAddress>;
  /** Waits until the route's parent entry for `parent` has all `conditions`, at the current generation. */
  routeMustHaveConditions(route: RouteRef, parent: ParentSelector, conditions: readonly ConditionExpectation[]): Promise<void>;
  /**
   * One read, no wait: the conditions of our status parent entry for `parent`, or undefined when there
   * is none yet or one of them lags the route's generation. For checks that must hold together with
   * traffic inside one convergence loop, where the spec allows more than one status outcome.
   */
  readRouteConditions(route: RouteRef, parent: ParentSelector): Promise<readonly ObservedCondition[] | undefined>;
  /** One read, no wait: a listener's conditions, or undefined when absent or lagging the Gateway's generation. */
  readListenerConditions(gateway: { name: string; namespace?: string }, listener: string): Promise<readonly ObservedCondition[] | undefined>;
  /** Waits until the route has no status parent entry from our controller for `parent`. */
  routeMustHaveNoParent(route: RouteRef, parent: ParentSelector): Promise<void>;
  /** Waits until the Gateway listener has these conditions. */
  listenerMustHaveConditions(
    gateway: { name: string; namespace?: string },
    listener: string,
    conditions: readonly ConditionExpectation[],
  ): Promise<void>;
  /** Waits until listener.attachedRoutes equals `count` (and optionally supportedKinds equals `kinds`). */
  listenerMustHaveAttachedRoutes(
    gateway: { name: string; namespace?: string },
    listener: string,
    count: number,
    supportedKinds?: readonly string[],
  ): Promise<void>;
  /** Waits for a condition on any object's status.conditions (e.g. BackendTLSPolicy ancestors via `path`). */
  objectMustSatisfy(ref: ObjectRef, what: string, predicate: (obj: KubeObject) => boolean): Promise<KubeObject>;
  /**
   * Waits (watch-based, every kind at once) until the objects that match the query satisfy
   * `predicate`, given them by kind; returns them. Bounded by routeMustHaveParents.
   */
  labelledObjectsMustSatisfy(query: LabelledObjectsQuery, what: string, predicate: (byKind: LabelledObjects) => boolean): Promise<LabelledObjects>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Applies objects (labelled, class-substituted, cleanup registered LIFO on the test). */
  apply(objects: readonly KubeObject[]): Promise<KubeObject[]>;
  /** Applies a fixture file relative to fixtures/ the same way. */
  applyFixture(path: string): Promise<KubeObject[]>;
  /** JSON merge patch of spec/metadata; returns the new object. */
  patch(ref: ObjectRef, mergePatch: unknown): Promise<KubeObject>;
  /**
   * Writes the status subresource with a JSON merge patch, as another controller would; returns the
   * new object. A merge patch replaces whole lists (e.g. status.parents), and a metadata.resourceVersion
   * in the patch makes the write conditional (HTTP 409 KubeApiError when the object moved on).
   */
  patchStatus(ref: ObjectRef, mergePatch: unknown): Promise<KubeObject>;
  /** Deletes and waits until gone. */
  delete(ref: ObjectRef): Promise<void>;
  /** Lines of a pod's log (the echo server logs one JSON line per request). */
  podLogs(pod: { name: string; namespace?: string }): Promise<string[]>;
  /** Pods currently selected by a label selector, e.g. 'app=grpc-mirror-backend'. */
  listPods(namespace: string, labelSelector: string): Promise<KubeObject[]>;
  /** PEM material for TLS tests, generated once per run and stored as Secrets/ConfigMaps by the base fixtures. */
  readonly certificates: RunCertificates;
  /** Our controllerName as read from the GatewayClass. */
  readonly controllerName: string;
}

export interface RunCertificates {
  /** CA that signs every listener and backend certificate of the run. */
  readonly caPem: string;
  /** A CA that signs nothing we serve, for mismatch cases. */
  readonly otherCaPem: string;
}
