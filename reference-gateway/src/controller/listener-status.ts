import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { Gateway, Listener, Secret } from '../kube/objects.ts';
import { GATEWAY_GROUP } from '../kube/resources.ts';
import type { DesiredCondition } from './conditions.ts';
import { condition } from './conditions.ts';
import type { ReferencePolicy } from './reference-grants.ts';
import type { ControllerSettings } from './settings.ts';
import type { Snapshot } from './snapshot.ts';

export interface RouteKind {
  readonly group: string;
  readonly kind: string;
}

export const ROUTE_KINDS: readonly RouteKind[] = [
  { group: GATEWAY_GROUP, kind: 'GRPCRoute' },
  { group: GATEWAY_GROUP, kind: 'HTTPRoute' },
];

/** A listener after validation: what it admits, whether it can be served, and its conditions. */
export interface ListenerState {
  readonly listener: Listener;
  /** Kinds routes may have to attach (what admission uses). */
  readonly admittedKinds: readonly RouteKind[];
  /** What status.listeners[].supportedKinds reports. */
  readonly supportedKinds: readonly RouteKind[];
  readonly conditions: readonly DesiredCondition[];
  readonly programmed: boolean;
  readonly certificates?: readonly { readonly certPem: string; readonly keyPem: string }[];
  /** The data plane's name for it when `listener.name` is not unique in its Gateway (ListenerSet listeners). */
  readonly servedName?: string;
}

interface Problem {
  readonly reason: string;
  readonly message: string;
}

/** Whose listener it is: grants are matched against this kind and namespace, conditions carry its generation. */
export interface ListenerOwner {
  readonly kind: 'Gateway' | 'ListenerSet';
  readonly namespace: string;
  readonly generation: number | undefined;
}

export type ConflictReason = 'ProtocolConflict' | 'HostnameConflict';

/** Validates every listener of one of our Gateways; listeners that conflict inside it are all refused. */
export function evaluateListeners(
  gateway: Gateway,
  snapshot: Snapshot,
  settings: ControllerSettings,
  references: ReferencePolicy,
): ListenerState[] {
  const listeners = gateway.spec.listeners ?? [];
  const owner: ListenerOwner = { kind: 'Gateway', namespace: gateway.metadata.namespace ?? '', generation: gateway.metadata.generation };
  return listeners.map((listener) => {
    const conflict = settings.faults.has('ignore-listener-conflicts') ? undefined : conflictOf(listener, listeners.filter((l) => l !== listener));
    return evaluateListener(listener, owner, conflict, { snapshot, settings, references });
  });
}

export interface ListenerContext {
  readonly snapshot: Snapshot;
  readonly settings: ControllerSettings;
  readonly references: ReferencePolicy;
}

/**
 * One listener's state. A Gateway's own conflicted listener stays Accepted (its conflict is on
 * Conflicted and Programmed); a ListenerSet's listener that lost to an earlier one is not accepted
 * at all, with the conflict as the reason on all three conditions, decided before its protocol.
 */
export function evaluateListener(
  listener: Listener,
  owner: ListenerOwner,
  conflict: ConflictReason | undefined,
  { snapshot, settings, references }: ListenerContext,
): ListenerState {
  const generation = owner.generation;
  const supportedProtocol = listener.protocol === 'HTTP' || listener.protocol === 'HTTPS';
  const kinds = admittedKinds(listener, supportedProtocol);
  const problems: Problem[] = [];
  if (kinds.invalid.length > 0) {
    problems.push({ reason: 'InvalidRouteKinds', message: `Unsupported route kinds: ${kinds.invalid.join(', ')}` });
  }
  let certificates: ListenerState['certificates'];
  if (supportedProtocol && listener.protocol === 'HTTPS') {
    const resolved = resolveCertificates(owner, listener, snapshot, references, settings.faults);
    if ('problem' in resolved) problems.push(resolved.problem);
    else certificates = resolved.certificates;
  }
  const certificatesOk = listener.protocol !== 'HTTPS' || certificates !== undefined;
  const programmed = supportedProtocol && certificatesOk && !conflict && kinds.admitted.length > 0;
  const faultyKinds = settings.faults.has('wrong-supported-kinds');
  const reportedProblems = faultyKinds ? problems.filter((p) => p.reason !== 'InvalidRouteKinds') : problems;
  const resolvedRefs = reportedProblems.length === 0
    ? condition('ResolvedRefs', 'True', 'ResolvedRefs', 'All references resolved', generation)
    : condition('ResolvedRefs', 'False', reportedProblems[0]!.reason, reportedProblems.map((p) => p.message).join('; '), generation);
  const protocolFirst = settings.faults.has('listener-set-protocol-checked-first') && !supportedProtocol;
  const lostPrecedence = owner.kind === 'ListenerSet' && conflict !== undefined && !protocolFirst;
  const conditions = lostPrecedence
    ? [
        condition('Accepted', 'False', conflict, 'An earlier listener of the Gateway or of an older ListenerSet holds this port and hostname', generation),
        resolvedRefs,
        condition('Programmed', 'False', conflict, 'Listener is not served: it conflicts with an earlier listener', generation),
        condition('Conflicted', 'True', conflict, 'Listener conflicts with an earlier listener on the same port', generation),
      ]
    : [
        supportedProtocol || settings.faults.has('unsupported-protocol-accepted')
          ? condition('Accepted', 'True', 'Accepted', 'Listener is valid', generation)
          : condition('Accepted', 'False', 'UnsupportedProtocol', `Protocol ${listener.protocol} is not supported; only HTTP and HTTPS are`, generation),
        resolvedRefs,
        programmed
          ? condition('Programmed', 'True', 'Programmed', 'Listener is programmed', generation)
          : notProgrammed(supportedProtocol && !certificatesOk && !settings.faults.has('programmed-reason-invalid'), generation),
        conflict
          ? condition('Conflicted', 'True', conflict, 'Listener conflicts with another listener on the same port', generation)
          : condition('Conflicted', 'False', 'NoConflicts', 'No conflicts', generation),
      ];
  return {
    listener,
    admittedKinds: kinds.admitted,
    supportedKinds: faultyKinds ? ROUTE_KINDS : kinds.admitted,
    conditions,
    programmed,
    certificates,
  };
}

// The implementer guide names InvalidTLSConfig for a listener left unserved by its TLS settings (§12 #124).
function notProgrammed(tlsInsufficient: boolean, generation: number | undefined): DesiredCondition {
  return tlsInsufficient
    ? condition('Programmed', 'False', 'InvalidTLSConfig', 'Listener is not served: its TLS configuration is insufficient', generation)
    : condition('Programmed', 'False', 'Invalid', 'Listener is not served: see the other conditions', generation);
}

function admittedKinds(listener: Listener, supportedProtocol: boolean): { admitted: RouteKind[]; invalid: string[] } {
  const requested = listener.allowedRoutes?.kinds;
  if (!requested || requested.length === 0) return { admitted: supportedProtocol ? [...ROUTE_KINDS] : [], invalid: [] };
  const admitted: RouteKind[] = [];
  const invalid: string[] = [];
  for (const k of requested) {
    const group = k.group ?? GATEWAY_GROUP;
    const known = supportedProtocol && ROUTE_KINDS.some((r) => r.group === group && r.kind === k.kind);
    if (!known) invalid.push(group ? `${group}/${k.kind}` : k.kind);
    else if (!admitted.some((a) => a.kind === k.kind)) admitted.push({ group, kind: k.kind });
  }
  return { admitted, invalid };
}

/** How `listener` clashes with any of `others` (which must not include it). */
export function conflictOf(listener: Listener, others: readonly Listener[]): ConflictReason | undefined {
  const samePort = others.filter((l) => l.port === listener.port);
  if (samePort.some((l) => l.protocol !== listener.protocol)) return 'ProtocolConflict';
  const host = (listener.hostname ?? '').toLowerCase();
  if (samePort.some((l) => (l.hostname ?? '').toLowerCase() === host)) return 'HostnameConflict';
  return undefined;
}

function resolveCertificates(
  owner: ListenerOwner,
  listener: Listener,
  snapshot: Snapshot,
  references: ReferencePolicy,
  faults: ReadonlySet<string>,
): { certificates: { certPem: string; keyPem: string }[] } | { problem: Problem } {
  const refs = listener.tls?.certificateRefs ?? [];
  if ((listener.tls?.mode ?? 'Terminate') !== 'Terminate') {
    return { problem: { reason: 'InvalidCertificateRef', message: `TLS mode ${listener.tls?.mode} is not supported on HTTPS listeners` } };
  }
  if (refs.length === 0) return { problem: { reason: 'InvalidCertificateRef', message: 'HTTPS listener has no certificateRefs' } };
  const certificates: { certPem: string; keyPem: string }[] = [];
  for (const ref of refs) {
    const namespace = ref.namespace ?? owner.namespace;
    const label = `Secret ${namespace}/${ref.name}`;
    if (!faults.has('certificate-ref-kind-unchecked') && ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret')) {
      return { problem: { reason: 'InvalidCertificateRef', message: `certificateRef ${ref.group ?? ''}/${ref.kind} ${ref.name} is not a Secret` } };
    }
    const from = { group: GATEWAY_GROUP, kind: owner.kind, namespace: owner.namespace };
    const to = { group: faults.has('secret-grant-core-group-named') ? 'core' : '', kind: 'Secret', namespace, name: ref.name };
    if (!references.permits(snapshot.referenceGrants, from, to)) {
      return { problem: { reason: 'RefNotPermitted', message: `certificateRef to ${label} is not permitted by any ReferenceGrant` } };
    }
    const pair = keyPair(snapshot.secrets.get(`${namespace}/${ref.name}`));
    if (!pair) return { problem: { reason: 'InvalidCertificateRef', message: `${label} is missing or does not hold a valid tls.crt/tls.key pair` } };
    certificates.push(pair);
  }
  return { certificates };
}

// Reconciles recompute everything; checking a key pair is costly, and a Secret's content decides the answer.
const checkedPairs = new Map<string, { certPem: string; keyPem: string } | undefined>();

function keyPair(secret: Secret | undefined): { certPem: string; keyPem: string } | undefined {
  const cert = secret?.data?.['tls.crt'];
  const key = secret?.data?.['tls.key'];
  if (!cert || !key) return undefined;
  const cacheKey = `${cert}\0${key}`;
  if (checkedPairs.has(cacheKey)) return checkedPairs.get(cacheKey);
  if (checkedPairs.size >= 256) checkedPairs.clear();
  const pair = checkKeyPair(cert, key);
  checkedPairs.set(cacheKey, pair);
  return pair;
}

function checkKeyPair(cert: string, key: string): { certPem: string; keyPem: string } | undefined {
  const certPem = Buffer.from(cert, 'base64').toString('utf8');
  const keyPem = Buffer.from(key, 'base64').toString('utf8');
  try {
    const parsed = new X509Certificate(certPem);
    const privateKey = createPrivateKey(keyPem);
    if (!parsed.checkPrivateKey(privateKey)) return undefined;
  } catch {
    return undefined;
  }
  return { certPem, keyPem };
}

/** The data plane could not bind the listener's port: still configured (binding is retried), but reported. */
export function withPortUnavailable(state: ListenerState, generation: number | undefined): ListenerState {
  const replaced = state.conditions.map((c) =>
    c.type === 'Accepted'
      ? condition('Accepted', 'False', 'PortUnavailable', 'The data plane could not bind this port', generation)
      : c.type === 'Programmed'
        ? condition('Programmed', 'False', 'Invalid', 'The data plane could not bind this port', generation)
        : c,
  );
  return { ...state, conditions: replaced };
}
