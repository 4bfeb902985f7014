/**
 * The slices of Kubernetes and Gateway API objects the controller reads, as loose JSON shapes.
 * Everything optional is optional because the API server (or a test) may leave it out.
 */

import type { KubeObject } from '../../../kube-rest/objects.ts';

export type { KubeObject, ObjectMeta } from '../../../kube-rest/objects.ts';
export { objectKey } from '../../../kube-rest/objects.ts';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface GatewayClass extends KubeObject {
  spec: { controllerName: string };
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: string;
  tls?: {
    mode?: string;
    certificateRefs?: { group?: string; kind?: string; name: string; namespace?: string }[];
  };
  allowedRoutes?: {
    namespaces?: { from?: string; selector?: LabelSelector };
    kinds?: { group?: string; kind: string }[];
  };
}

export interface Gateway extends KubeObject {
  spec: {
    gatewayClassName: string;
    listeners?: Listener[];
    /** Which ListenerSets may attach; absent, or `namespaces` absent, allows none. */
    allowedListeners?: { namespaces?: { from?: string; selector?: LabelSelector } };
    addresses?: { type?: string; value?: string }[];
    infrastructure?: {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
      parametersRef?: { group: string; kind: string; name: string };
    };
  };
  status?: { addresses?: { type?: string; value: string }[]; conditions?: Condition[]; listeners?: unknown[]; attachedListenerSets?: number };
}

/** Listeners for one parent Gateway, kept in an object of their own (GEP-1713). */
export interface ListenerSet extends KubeObject {
  spec: {
    parentRef: { group?: string; kind?: string; name: string; namespace?: string };
    listeners?: Listener[];
  };
  status?: { conditions?: Condition[]; listeners?: unknown[] };
}

export interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export interface BackendObjectReference {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
}

export interface HeaderFilterSpec {
  set?: { name: string; value: string }[];
  add?: { name: string; value: string }[];
  remove?: string[];
}

export interface RouteFilter {
  type: string;
  requestHeaderModifier?: HeaderFilterSpec;
  responseHeaderModifier?: HeaderFilterSpec;
  requestMirror?: {
    backendRef: BackendObjectReference;
    percent?: number;
    fraction?: { numerator: number; denominator?: number };
  };
  extensionRef?: { group: string; kind: string; name: string };
}

export interface RouteBackendRef extends BackendObjectReference {
  weight?: number;
  filters?: RouteFilter[];
}

export interface GrpcRouteMatch {
  method?: { type?: string; service?: string; method?: string };
  headers?: { type?: string; name: string; value: string }[];
}

export interface RouteRule {
  name?: string;
  matches?: GrpcRouteMatch[];
  filters?: RouteFilter[];
  backendRefs?: RouteBackendRef[];
}

export interface RouteParentStatus {
  parentRef: ParentReference;
  controllerName: string;
  conditions?: Condition[];
}

/** GRPCRoute and HTTPRoute share everything the controller needs except rule matches. */
export interface Route extends KubeObject {
  kind?: 'GRPCRoute' | 'HTTPRoute' | string;
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: RouteRule[] };
  status?: { parents?: RouteParentStatus[] };
}

export interface ReferenceGrant extends KubeObject {
  spec: {
    from?: { group: string; kind: string; namespace: string }[];
    to?: { group: string; kind: string; name?: string }[];
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

export interface Service extends KubeObject {
  spec: { type?: string; ports?: ServicePort[] };
}

export interface EndpointSlice extends KubeObject {
  addressType?: string;
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean } }[];
  ports?: { name?: string; port?: number; protocol?: string; appProtocol?: string }[];
}

export interface Secret extends KubeObject {
  type?: string;
  data?: Record<string, string>;
}

export interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

export type Namespace = KubeObject;

export interface BackendTlsPolicy extends KubeObject {
  spec: {
    targetRefs?: { group: string; kind: string; name: string; sectionName?: string }[];
    validation?: {
      caCertificateRefs?: { group?: string; kind?: string; name: string }[];
      wellKnownCACertificates?: string;
      hostname?: string;
      subjectAltNames?: { type: string; hostname?: string; uri?: string }[];
    };
  };
  status?: { ancestors?: { ancestorRef: ParentReference; controllerName: string; conditions?: Condition[] }[] };
}
