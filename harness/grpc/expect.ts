import { answeringPod, codeName, receivedHeaders } from './result-summary.ts';
import { ECHO_SERVICE } from './types.ts';
import type { GrpcCall, GrpcExpectation, GrpcResult } from './types.ts';

export interface Mismatch {
  readonly field: string;
  readonly expected: unknown;
  readonly observed: unknown;
}

export interface ExpectContext {
  readonly call: GrpcCall;
  /** Namespace the backend must be in when `backend` is set and `namespace` is not. */
  readonly defaultNamespace: string;
}

const NO_ECHO = '(no echo response)';

/**
 * Everything in `expect` that `result` does not satisfy. OK echo answers are also checked for the
 * method the backend received (`/${service}/${method}`). For answers without an echo response
 * (errors), `backend` and `namespace` are read from the `x-echo-pod` / `x-echo-namespace` metadata.
 */
export function compareResult(result: GrpcResult, expect: GrpcExpectation, ctx: ExpectContext): Mismatch[] {
  const out: Mismatch[] = [];
  const add = (field: string, expected: unknown, observed: unknown): void => void out.push({ field, expected, observed });
  const observedCode = result.transportError
    ? `${result.code} (${codeName(result.code)}, transport: ${result.transportError})`
    : result.nonGrpcAnswer
      ? `${result.code} (${codeName(result.code)}, ${result.nonGrpcAnswer})`
      : `${result.code} (${codeName(result.code)})`;

  if (result.transportError && !expect.allowNoAnswer) {
    add('answer', 'an answer (a gRPC status or HTTP response) from the gateway or a backend', `none: transport failure (${result.transportError})`);
    return out;
  }
  if (result.decodeError) add('body', 'a decodable response message', result.decodeError);

  if (expect.anyError) {
    if (result.code === 0) add('code', 'any non-OK code', observedCode);
  } else if (expect.codeOneOf) {
    if (!expect.codeOneOf.includes(result.code)) add('code', `one of ${expect.codeOneOf.map((c) => `${c} (${codeName(c)})`).join(', ')}`, observedCode);
  } else {
    const code = expect.code ?? 0;
    if (result.code !== code) add('code', `${code} (${codeName(code)})`, observedCode);
  }

  if (result.code === 0) {
    const path = `/${ctx.call.service ?? ECHO_SERVICE}/${ctx.call.method}`;
    const wrong = result.responses.map((r) => r.fullyQualifiedMethod).filter((m) => m !== path);
    if (wrong.length > 0) add('method', path, wrong[0]);
  }

  const identity = answeringPod(result);
  if (expect.answeredBy) {
    const observed = identity.pod !== undefined || result.responses.length > 0 ? 'backend' : 'gateway';
    if (observed !== expect.answeredBy) add('answeredBy', expect.answeredBy, identity.pod ? `backend pod ${identity.pod}` : observed);
  }
  if (expect.backend !== undefined) {
    const pods = result.responses.length > 0 ? result.responses.map((r) => r.context.pod) : identity.pod ? [identity.pod] : [];
    if (pods.length === 0) add('backend', expect.backend, '(no backend identity: answered by the gateway or not at all)');
    else if (!pods.every((p) => p.startsWith(expect.backend ?? ''))) add('backend', `pod name starting with ${expect.backend}`, pods.find((p) => !p.startsWith(expect.backend ?? '')));
  }
  const namespace = expect.namespace ?? (expect.backend !== undefined ? ctx.defaultNamespace : undefined);
  if (namespace !== undefined) {
    const namespaces = result.responses.length > 0 ? result.responses.map((r) => r.context.namespace) : identity.namespace ? [identity.namespace] : [];
    const other = namespaces.find((n) => n !== namespace);
    if (namespaces.length === 0) add('namespace', namespace, '(no backend identity)');
    else if (other !== undefined) add('namespace', namespace, other);
  }

  const first = result.responses[0];
  if (expect.authority !== undefined && first?.authority !== expect.authority) add('authority', expect.authority, first ? first.authority : NO_ECHO);

  if (expect.requestHeaders || expect.absentRequestHeaders) {
    const received = receivedHeaders(result);
    for (const [key, want] of Object.entries(expect.requestHeaders ?? {})) {
      const observed = first ? (received[key.toLowerCase()] ?? []) : NO_ECHO;
      if (typeof observed === 'string' || !sameValues(key, observed, want)) add(`requestHeaders.${key.toLowerCase()}`, list(want), observed);
    }
    for (const key of expect.absentRequestHeaders ?? []) {
      const observed = first ? received[key.toLowerCase()] : NO_ECHO;
      if (observed !== undefined) add(`absentRequestHeaders.${key.toLowerCase()}`, '(absent)', observed);
    }
  }

  for (const [key, want] of Object.entries(expect.responseHeaders ?? {})) {
    const observed = result.headers[key.toLowerCase()] ?? [];
    if (!sameValues(key, observed, want)) add(`responseHeaders.${key.toLowerCase()}`, list(want), observed);
  }
  for (const key of expect.absentResponseHeaders ?? []) {
    const observed = result.headers[key.toLowerCase()];
    if (observed !== undefined) add(`absentResponseHeaders.${key.toLowerCase()}`, '(absent)', observed);
  }
  for (const [key, want] of Object.entries(expect.trailers ?? {})) {
    const observed = result.trailers[key.toLowerCase()] ?? [];
    if (!sameValues(key, observed, want)) add(`trailers.${key.toLowerCase()}`, list(want), observed);
  }

  if (expect.details !== undefined && result.details !== expect.details) add('details', expect.details, result.details);
  if (expect.responseCount !== undefined && result.responses.length !== expect.responseCount) add('responseCount', expect.responseCount, result.responses.length);
  if (expect.alpn !== undefined) {
    const observed = result.tls ? result.tls.alpnProtocol : '(no TLS)';
    if (observed !== expect.alpn) add('alpn', expect.alpn, observed);
  }
  if (expect.certificateFor !== undefined) {
    const sans = (result.tls?.peerCertificateSubjectAltName ?? '').split(',').map((s) => s.trim());
    if (!sans.includes(`DNS:${expect.certificateFor}`) || result.tls?.authorizationError) {
      add('certificate', `trusted, with subjectAltName DNS:${expect.certificateFor}`, result.tls ? { san: result.tls.peerCertificateSubjectAltName ?? '(none)', authorizationError: result.tls.authorizationError } : '(no TLS)');
    }
  }
  return out;
}

function list(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

/**
 * The values of one field as a list: a comma-joined field and repeated fields are equivalent
 * (RFC 9110 §5.3; the HTTPHeaderFilter Add example writes `my-header: foo,bar,baz`), so a gateway
 * may send either and Node's HTTP/2 client may join repeated response fields with ", ". `-bin`
 * values are base64 and are never joined, so they are compared as they came.
 */
export function fieldValues(key: string, values: readonly string[]): string[] {
  if (key.toLowerCase().endsWith('-bin')) return [...values];
  return values.flatMap((v) => v.split(',')).map((v) => v.trim());
}

function sameValues(key: string, observed: readonly string[], want: string | readonly string[]): boolean {
  const got = fieldValues(key, observed);
  const expected = fieldValues(key, list(want));
  return got.length === expected.length && got.every((v, i) => v === expected[i]);
}
