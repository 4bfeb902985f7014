import { HarnessError } from '../errors.ts';

/** The API server answered a request with an error status other than 404. */
export class KubeApiError extends Error {
  readonly code = 'GRPCCONF_KUBE_API';
  readonly status: number;
  /** The Status reason from the response body, e.g. 'Conflict', 'Invalid'. */
  readonly reason?: string;
  readonly method: string;
  readonly path: string;

  constructor(init: { status: number; reason?: string; method: string; path: string; message: string }) {
    super(`${init.method} ${init.path}: HTTP ${init.status}${init.reason ? ` ${init.reason}` : ''}: ${init.message}`);
    this.name = 'KubeApiError';
    this.status = init.status;
    this.reason = init.reason;
    this.method = init.method;
    this.path = init.path;
  }
}

/** No HTTP answer at all from the API server (connection refused, TLS failure, timeout). */
export class KubeUnreachableError extends HarnessError {
  readonly server: string;

  constructor(server: string, cause: unknown) {
    super(
      'GRPCCONF_API_UNREACHABLE',
      `cannot reach the Kubernetes API server at ${server} (${causeText(cause)}); check --kubeconfig and --context`,
      { cause, context: { server } },
    );
    this.name = 'KubeUnreachableError';
    this.server = server;
  }
}

/** The kubeconfig file is missing or unreadable, or the requested context is not in it. */
export class KubeconfigError extends HarnessError {
  constructor(code: 'GRPCCONF_KUBECONFIG_MISSING' | 'GRPCCONF_KUBECONFIG_INVALID' | 'GRPCCONF_UNKNOWN_CONTEXT', message: string, cause?: unknown) {
    super(code, message, { cause });
    this.name = 'KubeconfigError';
  }
}

/** A status waiter's deadline passed; the message names the object, what was wanted, and the last state seen. */
export class StatusTimeoutError extends Error {
  readonly code = 'GRPCCONF_STATUS_TIMEOUT';
  readonly object: string;
  readonly wanted: string;
  readonly timeoutName: string;
  readonly timeoutMs: number;
  readonly lastState: string;

  constructor(init: { object: string; wanted: string; timeoutName: string; timeoutMs: number; lastState: string }) {
    super(
      `${init.object}: timed out after ${formatSeconds(init.timeoutMs)} (timeouts.${init.timeoutName}) waiting for ${init.wanted}; last state: ${init.lastState}`,
    );
    this.name = 'StatusTimeoutError';
    this.object = init.object;
    this.wanted = init.wanted;
    this.timeoutName = init.timeoutName;
    this.timeoutMs = init.timeoutMs;
    this.lastState = init.lastState;
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause.message : undefined;
  return inner ? `${cause.message}: ${inner}` : cause.message;
}
