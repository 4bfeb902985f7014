/**
 * The contract between the controller (which reads Kubernetes objects and writes status)
 * and the data plane (which serves traffic). The controller compiles the cluster state into
 * this plain, fully resolved shape; the data plane never looks at Kubernetes objects.
 */

export interface DataPlaneConfig {
  /** One entry per programmed Gateway of our class. */
  readonly gateways: readonly GatewayConfig[];
}

export interface GatewayConfig {
  /** `namespace/name`. */
  readonly key: string;
  /** Loopback address the Gateway serves on (also written to status.addresses). */
  readonly address: string;
  readonly listeners: readonly ListenerConfig[];
}

export interface ListenerConfig {
  readonly name: string;
  /** Port from the Gateway spec; the data plane may bind a mapped port (see bindPort). */
  readonly port: number;
  /** Port actually bound (port, or port + lowPortOffset for privileged ports). */
  readonly bindPort: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  /** Lower-case; undefined = any host. */
  readonly hostname?: string;
  /** HTTPS only: certificates resolved from certificateRefs, PEM. */
  readonly certificates?: readonly { readonly certPem: string; readonly keyPem: string }[];
  /** GRPCRoutes attached to this listener with Accepted=True, compiled. */
  readonly routes: readonly CompiledRoute[];
  /** HTTPRoutes accepted on this listener; only their hostnames matter (cross-serving), never merged. */
  readonly httpRouteHostnames?: readonly string[];
}

export interface CompiledRoute {
  /** `namespace/name`. */
  readonly key: string;
  readonly creationTimestamp: string;
  /** Effective hostnames: intersection of route and listener hostnames, lower-case. Empty = any host. */
  readonly hostnames: readonly string[];
  /**
   * The route's own spec.hostnames, lower-case: they break a tie between routes whose effective
   * hostnames are equally specific (GatewayRouteHostnameIntersectionPrecedence). Absent = none written.
   */
  readonly routeHostnames?: readonly string[];
  readonly rules: readonly CompiledRule[];
}

export interface CompiledRule {
  /** Index in spec.rules (precedence tie-breaker). */
  readonly index: number;
  readonly name?: string;
  /** Empty = one implicit match-all. */
  readonly matches: readonly CompiledMatch[];
  readonly filters: readonly CompiledFilter[];
  /** Empty = no backendRefs: UNIMPLEMENTED unless a filter answers. */
  readonly backends: readonly CompiledBackend[];
}

export interface CompiledMatch {
  readonly method?: {
    readonly type: 'Exact' | 'RegularExpression';
    /** Leading dot already stripped for Exact. */
    readonly service?: string;
    readonly method?: string;
  };
  /** Names lower-cased, duplicates (case-insensitive) removed keeping the first. */
  readonly headers: readonly {
    readonly type: 'Exact' | 'RegularExpression';
    readonly name: string;
    readonly value: string;
  }[];
}

export interface HeaderModifier {
  /** Names lower-cased; first of equivalent names kept. */
  readonly set: readonly { readonly name: string; readonly value: string }[];
  readonly add: readonly { readonly name: string; readonly value: string }[];
  readonly remove: readonly string[];
}

export type CompiledFilter =
  | { readonly type: 'RequestHeaderModifier'; readonly modifier: HeaderModifier }
  | { readonly type: 'ResponseHeaderModifier'; readonly modifier: HeaderModifier }
  | {
      readonly type: 'RequestMirror';
      /** Undefined when the mirror backend did not resolve: the filter is dropped. */
      readonly backend?: CompiledBackend;
      /** Share of requests mirrored: numerator/denominator (default 100/100). */
      readonly numerator: number;
      readonly denominator: number;
    }
  /** An ExtensionRef we cannot resolve: requests through it must fail, never skip it. */
  | { readonly type: 'UnresolvedExtensionRef'; readonly ref: string };

export interface CompiledBackend {
  /** `namespace/name:port` for logs and diagnostics. */
  readonly key: string;
  readonly weight: number;
  /** False when the backendRef is invalid (not found, not permitted, bad kind/protocol): its share gets UNAVAILABLE. */
  readonly valid: boolean;
  /** Ready endpoints (pod IP + target port). Empty with valid=true = no ready endpoints: UNAVAILABLE. */
  readonly endpoints: readonly { readonly ip: string; readonly port: number }[];
  /** From a BackendTLSPolicy: TLS to the backend, verifying `hostname` against `caPem`. */
  readonly tls?: {
    readonly caPem: string;
    /** SNI, and the name the certificate must carry unless subjectAltNames is given. */
    readonly hostname: string;
    /** When set, the certificate must carry one of these SANs instead of `hostname`. */
    readonly subjectAltNames?: readonly { readonly type: 'Hostname' | 'URI'; readonly value: string }[];
  };
  readonly filters: readonly CompiledFilter[];
}
