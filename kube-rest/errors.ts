/** Every error the shared REST client raises on purpose; `code` is stable, `context` says what was attempted. */
export class KubeRestError extends Error {
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
export class KubeApiError extends KubeRestError {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: string,
    options?: { cause?: unknown },
  ) {
    super('KUBE_REST_API', `${method} ${path} failed with HTTP ${status}: ${body.slice(0, 300)}`, { status, method, path }, options);
  }
}

/** The kubeconfig could not be read or does not describe a usable cluster/user. */
export class KubeconfigError extends KubeRestError {
  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('KUBE_REST_KUBECONFIG', `${message} (kubeconfig ${path})`, { path }, options);
  }
}
