import type { GatewayAddress } from '../kube/types.ts';
import type { Mismatch } from './expect.ts';

/** The upstream echo contract's service; our extra service lives beside it in the echo server. */
export const ECHO_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
export const ECHO_PLUS_SERVICE = 'grpcroute_conformance.echo.v1.EchoPlus';

export type MetadataValue = string | Buffer;
/** Keys ending in `-bin` carry Buffers; everything else strings. Arrays send repeated values in order. */
export type MetadataInit = Record<string, MetadataValue | MetadataValue[]>;

export interface TlsOptions {
  /** SNI sent in the ClientHello. */
  readonly serverName: string;
  /** PEM CA bundle to trust. */
  readonly ca: string;
  /**
   * ALPN protocols offered by the TLS probe that reports `GrpcResult.tls` (a separate raw handshake
   * to the same address and SNI; grpc-js itself always offers exactly ['h2']). Default ['h2'].
   */
  readonly alpn?: readonly string[];
}

export interface GrpcCall {
  /** Full service name; default the upstream echo service. */
  readonly service?: string;
  /** e.g. 'Echo', 'EchoTwo', 'EchoThree', or an EchoPlus method. */
  readonly method: string;
  /** `:authority`; default the gateway address as host:port. */
  readonly authority?: string;
  readonly metadata?: MetadataInit;
  readonly tls?: TlsOptions;
  /** Per-call deadline, sent as grpc-timeout. Default timeouts.requestTimeout. */
  readonly deadlineMs?: number;
  /**
   * EchoPlus request fields (see echo-server/proto/echo_plus.proto): ask the backend for a
   * status, response headers, trailers, a stream length, a delay, and a request id.
   */
  readonly plus?: EchoPlusRequestInit;
}

export interface EchoPlusRequestInit {
  readonly requestId?: string;
  readonly statusCode?: number;
  readonly statusMessage?: string;
  readonly responseHeaders?: MetadataInit;
  readonly responseTrailers?: MetadataInit;
  readonly delayMs?: number;
  /** Server streaming: how many responses; client/bidi streaming: how many requests to send. */
  readonly count?: number;
}

export interface EchoAssertions {
  readonly fullyQualifiedMethod: string;
  /** One entry per received value, keys lower-case, `-bin` values base64. Includes `:authority`. */
  readonly headers: readonly { readonly key: string; readonly value: string }[];
  readonly authority: string;
  readonly context: {
    readonly namespace: string;
    readonly ingress: string;
    readonly serviceName: string;
    readonly pod: string;
  };
  readonly tlsAssertions?: {
    readonly version: string;
    readonly negotiatedProtocol: string;
    readonly serverName: string;
    readonly cipherSuite: string;
  };
}

/** A call's outcome. A non-OK status is data, never a throw; transport failures are code UNAVAILABLE with `transportError`. */
export interface GrpcResult {
  readonly code: number;
  readonly details: string;
  /**
   * Response headers / trailers, lower-case keys, `-bin` values base64. Node's HTTP/2 client joins
   * repeated non-bin fields into one "a, b" value; expectations compare in that combined form.
   */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly trailers: Readonly<Record<string, readonly string[]>>;
  /** Parsed assertions of every response message received (unary: one; streaming: several). */
  readonly responses: readonly EchoAssertions[];
  /** EchoPlus only: the request ids / sequence numbers echoed back. */
  readonly plus?: readonly { readonly requestId: string; readonly sequence: number; readonly received: number }[];
  /** TLS facts of the client side of the connection, when TLS was used. */
  readonly tls?: {
    readonly alpnProtocol: string | false;
    readonly peerCertificateSubjectAltName?: string;
    /** Why the peer certificate is not trusted for the SNI name (absent when it is). */
    readonly authorizationError?: string;
  };
  /** Set when nothing answered: a reset stream, GOAWAY or lost connection. Never a gateway's status. */
  readonly transportError?: string;
  /**
   * Set when the answer was HTTP but not gRPC (content-type not application/grpc), e.g. "not a gRPC
   * response: HTTP 200, content-type application/json, no grpc-status"; `code` is then what its HTTP
   * status maps to, never what grpc-js made of the body.
   */
  readonly nonGrpcAnswer?: string;
  /** Set when a response message arrived that does not decode: never read as "no message". */
  readonly decodeError?: string;
  readonly elapsedMs: number;
}

/** What a case expects. Everything given is checked; everything is checked inside the convergence loop. */
export interface GrpcExpectation {
  /** Default 0 (OK). */
  readonly code?: number;
  /** Accept any of these codes instead of `code` (for spec text that allows more than one). */
  readonly codeOneOf?: readonly number[];
  /** Accept any non-OK code. */
  readonly anyError?: boolean;
  /**
   * Also pass when nothing answered (refused or reset connection, reset stream): only for a
   * listener that must not be served. Otherwise a transport failure never passes as a status.
   */
  readonly allowNoAnswer?: boolean;
  /** Pod name prefix of the backend that must answer, e.g. 'grpc-infra-backend-v1'. */
  readonly backend?: string;
  /** Namespace the answering pod must be in; default the infra namespace when `backend` is set. */
  readonly namespace?: string;
  /** The authority the backend must have received (default: not checked). */
  readonly authority?: string;
  /**
   * Request headers the backend must have received: the values per key, in order. A comma-joined
   * field and repeated fields are the same list (RFC 9110 §5.3); `-bin` values are never split.
   */
  readonly requestHeaders?: Readonly<Record<string, string | readonly string[]>>;
  /** Request headers the backend must NOT have received. */
  readonly absentRequestHeaders?: readonly string[];
  /** Response headers / trailers the client must have received; compared like `requestHeaders`. */
  readonly responseHeaders?: Readonly<Record<string, string | readonly string[]>>;
  readonly absentResponseHeaders?: readonly string[];
  readonly trailers?: Readonly<Record<string, string | readonly string[]>>;
  /** Status message that must arrive unchanged. */
  readonly details?: string;
  /** For streaming calls: number of response messages. */
  readonly responseCount?: number;
  /** ALPN protocol the client must have negotiated with the gateway. */
  readonly alpn?: string;
  /**
   * The `DNS:` subjectAltName the gateway's certificate must carry literally (`*.x` for a wildcard
   * certificate, so a wildcard never passes for an exact name), and the client must trust it.
   */
  readonly certificateFor?: string;
  /**
   * Who must have produced the answer: 'backend' = it carries the echo server's `x-echo-pod`
   * response metadata (or an echo response); 'gateway' = it does not (the gateway answered itself).
   */
  readonly answeredBy?: 'backend' | 'gateway';
}

export interface GrpcCase {
  readonly name?: string;
  readonly call: GrpcCall;
  readonly expect: GrpcExpectation;
  /**
   * Facts of the answer that `expect` cannot state (a stream's order, say): checked on every
   * attempt of the convergence loop, after `expect`; mismatches reject the attempt like `expect`'s.
   */
  readonly alsoExpect?: (result: GrpcResult) => readonly Mismatch[];
}

export interface ConvergeOptions {
  /** Consecutive good answers needed; default timeouts.requiredConsecutiveSuccesses. */
  readonly successes?: number;
  /** Deadline; default timeouts.maxTimeToConsistency. */
  readonly timeoutMs?: number;
  /** Pause after a failed attempt; default timeouts.pollInterval. */
  readonly intervalMs?: number;
}

export interface GrpcHelpers {
  /** One call, no retries. Opens and closes its own channel. */
  send(gw: GatewayAddress, call: GrpcCall): Promise<GrpcResult>;
  /** Streaming variants of `send` through EchoPlus. */
  serverStream(gw: GatewayAddress, call: GrpcCall): Promise<GrpcResult>;
  clientStream(gw: GatewayAddress, call: GrpcCall): Promise<GrpcResult>;
  bidiStream(gw: GatewayAddress, call: GrpcCall): Promise<GrpcResult>;
  /**
   * Sends `call` until `expect` holds N times in a row before the deadline; on timeout
   * throws with what was expected and the last result observed.
   */
  expectEventually(gw: GatewayAddress, c: GrpcCase, options?: ConvergeOptions): Promise<GrpcResult>;
  /**
   * One call, no retries: resolves with the result when `c.expect` holds, else throws the mismatch.
   * Only for use inside a `converge` check that also checks something else in the same attempt.
   */
  expectOnce(gw: GatewayAddress, c: GrpcCase): Promise<GrpcResult>;
  /** Runs a case table through `expectEventually`, each as a recorded case. */
  expectCases(gw: GatewayAddress, cases: readonly GrpcCase[], options?: ConvergeOptions): Promise<void>;
  /** Generic convergence: `check` throws (not ready) or returns; N in a row before the deadline. */
  converge<T>(what: string, check: () => Promise<T>, options?: ConvergeOptions): Promise<T>;
  /** Lists services through the reflection API (v1) via the gateway. */
  reflectionListServices(gw: GatewayAddress, call: Omit<GrpcCall, 'method' | 'service'>): Promise<readonly string[]>;
  /**
   * A channel for the many calls of ONE case (a sampler, a hand-written convergence loop): calls
   * with `identity`'s authority and TLS settings share one connection (others get their own).
   * Never share it across cases; close it when the case ends.
   */
  openChannel(gw: GatewayAddress, identity: Pick<GrpcCall, 'authority' | 'tls'>): GrpcChannel;
}

/**
 * One case's channel. The gateway balances per RPC, so calls sharing it still sample every backend.
 * A transport failure replaces the connection by itself; `renew()` does so on request (call it after
 * a failed check, so the retry dials afresh). TLS facts (`GrpcResult.tls`) are probed once per connection.
 */
export interface GrpcChannel {
  /** Like `GrpcHelpers.send`, on this channel. Never throws for gRPC outcomes. */
  send(call: GrpcCall): Promise<GrpcResult>;
  renew(): void;
  /** Closes the channel once its calls in flight have ended. */
  close(): void;
}
