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

// The REST client is shared with the node agent; its errors are the gateway's too.
export { KubeApiError, KubeconfigError } from '../../kube-rest/errors.ts';

/** Bad startup configuration (options or environment). */
export class GatewayConfigError extends ReferenceGatewayError {
  constructor(message: string, context: Readonly<Record<string, unknown>> = {}) {
    super('REFGW_CONFIG', message, context);
  }
}
