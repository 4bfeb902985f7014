/** Every error the reference gateway raises on purpose; `code` is stable, `context` says what was attempted. */
export class ReferenceGatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The Kubernetes API answered with a non-2xx status (or the request failed before it could). */
export class KubeApiError extends ReferenceGatewayError {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: string,
    options?: { cause?: unknown },
  ) {
    super('REFGW_KUBE_API', `${method} ${path} failed with HTTP ${status}: ${body.slice(0, 300)}`, { status, method, path }, options);
  }
}

/** The kubeconfig could not be read or does not describe a usable cluster/user. */
export class KubeconfigError extends ReferenceGatewayError {
  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('REFGW_KUBECONFIG', `${message} (kubeconfig ${path})`, { path }, options);
  }
}

/** Bad startup configuration (options or environment). */
export class GatewayConfigError extends ReferenceGatewayError {
  constructor(message: string, context: Readonly<Record<string, unknown>> = {}) {
    super('REFGW_CONFIG', message, context);
  }
}
