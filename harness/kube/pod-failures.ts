import { HarnessError } from '../errors.ts';
import type { KubeClient } from './client.ts';
import type { KubeObject } from './types.ts';

/**
 * Waiting reasons no retry will fix. The kubelet itself stops retrying a pull and backs off, so
 * ImagePullBackOff is already its second word on the matter.
 */
const HOPELESS = new Set(['ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CrashLoopBackOff']);
/** Reasons a single retry may clear (a registry hiccup, a Secret applied a moment later): believed when seen twice in a row. */
const MAYBE_TRANSIENT = new Set(['ErrImagePull', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);
const IMAGE_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
/** Restarts after which a container is crash-looping even before the kubelet says so. */
const CRASH_RESTARTS = 2;
/** Event reasons that explain a stuck pod, preferred over other Warnings for the one-line report. */
const EXPLAINING_EVENTS = new Set(['FailedScheduling', 'Failed', 'BackOff']);

export const UNSCHEDULABLE_GRACE_MS = 10_000;
export const POD_CHECK_INTERVAL_MS = 1_000;

/** A pod in a state the wait cannot outlast. */
export interface PodProblem {
  readonly pod: string;
  readonly namespace: string;
  readonly reason: string;
  readonly message: string;
}

interface Candidate extends PodProblem {
  /** Identifies the same trouble across observations (pod uid, container, reason). */
  readonly key: string;
  readonly hopeless: boolean;
}

/**
 * Classifies successive observations of pods. Keeps only what the previous observation showed, so
 * "twice in a row" means two consecutive lists, and the time each pod was first seen unschedulable.
 */
export class PodFailureClassifier {
  private previous = new Set<string>();
  private unschedulableSince = new Map<string, number>();

  constructor(
    private readonly graceMs = UNSCHEDULABLE_GRACE_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The first pod whose trouble is confirmed by this observation, if any. */
  observe(pods: readonly KubeObject[]): PodProblem | undefined {
    const seen = new Set<string>();
    const stillUnschedulable = new Map<string, number>();
    let confirmed: PodProblem | undefined;
    for (const pod of pods) {
      if (pod.metadata['deletionTimestamp']) continue;
      for (const candidate of candidatesOf(pod)) {
        seen.add(candidate.key);
        if (!confirmed && (candidate.hopeless || this.previous.has(candidate.key))) confirmed = strip(candidate);
      }
      const unschedulable = unschedulableMessage(pod);
      if (unschedulable !== undefined) {
        const id = pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
        const since = this.unschedulableSince.get(id) ?? this.now();
        stillUnschedulable.set(id, since);
        if (!confirmed && this.now() - since >= this.graceMs) {
          confirmed = { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? '', reason: 'Unschedulable', message: unschedulable };
        }
      }
    }
    this.previous = seen;
    this.unschedulableSince = stillUnschedulable;
    return confirmed;
  }
}

interface ContainerStatus {
  name?: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string } };
  lastState?: { terminated?: { reason?: string; exitCode?: number; message?: string } };
}

function candidatesOf(pod: KubeObject): Candidate[] {
  const status = (pod.status ?? {}) as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
  const out: Candidate[] = [];
  for (const container of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    const base = { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? '' };
    const keyOf = (reason: string) => `${pod.metadata.uid ?? pod.metadata.name}|${container.name ?? ''}|${reason}`;
    const waiting = container.state?.waiting;
    const reason = waiting?.reason;
    if (reason !== undefined && (HOPELESS.has(reason) || MAYBE_TRANSIENT.has(reason))) {
      out.push({ ...base, reason, message: waiting?.message ?? crashMessage(container), key: keyOf(reason), hopeless: HOPELESS.has(reason) });
    } else if ((container.restartCount ?? 0) >= CRASH_RESTARTS) {
      out.push({ ...base, reason: 'CrashLoopBackOff', message: crashMessage(container), key: keyOf('CrashLoopBackOff'), hopeless: true });
    }
  }
  return out;
}

function crashMessage(container: ContainerStatus): string {
  const last = container.lastState?.terminated;
  const how = last ? `, last exit ${last.reason ?? 'unknown'} (code ${last.exitCode ?? '?'})${last.message ? `: ${last.message}` : ''}` : '';
  return `container ${container.name ?? '?'} restarted ${container.restartCount ?? 0} times${how}`;
}

function unschedulableMessage(pod: KubeObject): string | undefined {
  const conditions = (pod.status as { conditions?: { type?: string; status?: string; reason?: string; message?: string }[] } | undefined)?.conditions ?? [];
  const scheduled = conditions.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') return undefined;
  return scheduled.message ?? 'no message';
}

function strip(candidate: Candidate): PodProblem {
  return { pod: candidate.pod, namespace: candidate.namespace, reason: candidate.reason, message: candidate.message };
}

interface EventObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string; uid?: string };
  lastTimestamp?: string;
  eventTime?: string;
  metadata?: { creationTimestamp?: string };
}

/** The newest Warning about the pod, explaining reasons first; undefined when there is none. */
export function newestWarning(events: readonly KubeObject[], pod: string): string | undefined {
  const warnings = (events as unknown as EventObject[]).filter((e) => e.type === 'Warning' && e.involvedObject?.kind === 'Pod' && e.involvedObject.name === pod);
  const when = (e: EventObject) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '') || 0;
  const pick = (list: EventObject[]) => list.sort((a, b) => when(b) - when(a))[0];
  const best = pick(warnings.filter((e) => EXPLAINING_EVENTS.has(e.reason ?? ''))) ?? pick(warnings);
  return best ? `${best.reason ?? 'Warning'}: ${best.message ?? ''}` : undefined;
}

/** One line: the pod, the reason, what the cluster said, and what to do. */
export function describePodProblem(problem: PodProblem, event: string | undefined): string {
  const said = event !== undefined && !event.endsWith(problem.message) ? `${problem.message}: ${event}` : problem.message;
  return `pod ${problem.namespace}/${problem.pod}: ${problem.reason}: ${said}; fix: ${fixFor(problem)}`;
}

function fixFor(problem: PodProblem): string {
  if (IMAGE_REASONS.has(problem.reason)) return 'pass --echo-image with an echo server image the nodes can pull (see docs/echo-image.md)';
  if (problem.reason === 'Unschedulable') return 'give the cluster room for the pod (free or add nodes, or lift what the scheduler names above)';
  if (problem.reason === 'CreateContainerConfigError') return 'create the Secret or ConfigMap the pod refers to, or correct the reference';
  if (problem.reason === 'CrashLoopBackOff') return `read why it exits: kubectl logs -n ${problem.namespace} ${problem.pod} --previous`;
  return 'see the message above; the container runtime could not start the container';
}

/** A Pod a wait depends on will never become ready: a setup failure (exit 2), said in one line. */
export class PodFailureError extends HarnessError {
  readonly problem: PodProblem;

  constructor(problem: PodProblem, event: string | undefined) {
    super('GRPCCONF_POD_FAILED', describePodProblem(problem, event), { context: { ...problem } });
    this.name = 'PodFailureError';
    this.problem = problem;
  }
}

/** The selector of a Deployment as a predicate on labels (matchLabels and matchExpressions). */
export function selectorMatcher(deployment: KubeObject): (labels: Readonly<Record<string, string>>) => boolean {
  const selector = (deployment.spec as { selector?: LabelSelector } | undefined)?.selector ?? {};
  const exact = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  return (labels) =>
    exact.every(([k, v]) => labels[k] === v) &&
    expressions.every((e) => {
      const has = Object.hasOwn(labels, e.key);
      if (e.operator === 'Exists') return has;
      if (e.operator === 'DoesNotExist') return !has;
      const inValues = has && (e.values ?? []).includes(labels[e.key]!);
      return e.operator === 'In' ? inValues : !inValues;
    });
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface PodWatchOptions {
  readonly signal: AbortSignal;
  readonly intervalMs?: number;
  readonly classifier?: PodFailureClassifier;
}

/**
 * Rejects with PodFailureError as soon as a pod of one of `deployments` is confirmed hopeless; never
 * resolves (stop it through `signal`). One list of pods per namespace per interval, filtered here by
 * each Deployment's selector; Events are read only once a failure is confirmed, for its message.
 */
export function failOnPodFailures(client: KubeClient, deployments: readonly KubeObject[], options: PodWatchOptions): Promise<never> {
  const byNamespace = new Map<string, ((labels: Readonly<Record<string, string>>) => boolean)[]>();
  for (const d of deployments) {
    const namespace = d.metadata.namespace ?? '';
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), selectorMatcher(d)]);
  }
  const classifier = options.classifier ?? new PodFailureClassifier();
  const interval = options.intervalMs ?? POD_CHECK_INTERVAL_MS;
  const { signal } = options;
  return new Promise<never>((_resolve, reject) => {
    if (byNamespace.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const stop = (): void => clearTimeout(timer);
    signal.addEventListener('abort', stop, { once: true });
    const tick = async (): Promise<void> => {
      const pods: KubeObject[] = [];
      for (const [namespace, matchers] of byNamespace) {
        // A failed list is the main wait's business (it reports its own problems); try again next time.
        const items = await client.list('v1', 'Pod', { namespace }).then((l) => l.items, () => []);
        pods.push(...items.filter((p) => matchers.some((m) => m(p.metadata.labels ?? {}))));
      }
      if (signal.aborted) return;
      const problem = classifier.observe(pods);
      if (problem) {
        const events = await client.list('v1', 'Event', { namespace: problem.namespace }).then((l) => l.items, () => []);
        signal.removeEventListener('abort', stop);
        if (!signal.aborted) reject(new PodFailureError(problem, newestWarning(events, problem.pod)));
        return;
      }
      timer = setTimeout(() => tick().catch(reject), interval);
    };
    tick().catch(reject);
  });
}

/**
 * Runs `wait` (which gets a signal aborted once the race is decided) against the pods of
 * `deployments`: whichever settles first wins, and the loser is stopped.
 */
export async function unlessPodsFail<T>(
  client: KubeClient,
  deployments: readonly KubeObject[],
  signal: AbortSignal | undefined,
  wait: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const decided = new AbortController();
  const combined = signal ? AbortSignal.any([signal, decided.signal]) : decided.signal;
  try {
    return await Promise.race([wait(combined), failOnPodFailures(client, deployments, { signal: combined })]);
  } finally {
    decided.abort(new Error('pod watch no longer needed'));
  }
}
