/** One field problem inside an Invalid status, shaped like metav1.StatusCause. */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

/** The details block of a Kubernetes Status body. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
}

/**
 * An API failure that the server turns into a `kind: Status` body with the same shape and
 * HTTP code as the real kube-apiserver, so kubectl and client libraries print it unchanged.
 */
export class ApiStatusError extends Error {
  readonly code = 'EMBEDDED_CLUSTER_API_STATUS';

  constructor(
    readonly httpCode: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiStatusError';
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.httpCode,
    };
  }
}

/** `pods`, or `grpcroutes.gateway.networking.k8s.io` for a group resource, as the server names them in messages. */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export function notFound(plural: string, group: string, name: string): ApiStatusError {
  return new ApiStatusError(404, 'NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: plural,
  });
}

export function unknownResource(): ApiStatusError {
  return new ApiStatusError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function alreadyExists(plural: string, group: string, name: string): ApiStatusError {
  return new ApiStatusError(409, 'AlreadyExists', `${qualifiedResource(plural, group)} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: plural,
  });
}

export function conflict(plural: string, group: string, name: string): ApiStatusError {
  return new ApiStatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, ...(group ? { group } : {}), kind: plural },
  );
}

export function badRequest(message: string): ApiStatusError {
  return new ApiStatusError(400, 'BadRequest', message);
}

export function unauthorized(): ApiStatusError {
  return new ApiStatusError(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotAllowed(message: string): ApiStatusError {
  return new ApiStatusError(405, 'MethodNotAllowed', message, {});
}

export function forbidden(message: string, details: StatusDetails): ApiStatusError {
  return new ApiStatusError(403, 'Forbidden', message, details);
}

export function unsupportedMediaType(contentType: string): ApiStatusError {
  return new ApiStatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`);
}

/**
 * 422 Invalid in the real server's wording: one cause per problem; the message lists them
 * after `<Kind>.<group> "<name>" is invalid: `, bracketed when there is more than one.
 */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiStatusError {
  const described = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const list = described.length === 1 ? described[0] : `[${described.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return new ApiStatusError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${list}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

export function successStatus(details: StatusDetails): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}
