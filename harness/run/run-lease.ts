import { HarnessError, describeError } from '../errors.ts';
import { waitUntilGone } from '../kube/apply.ts';
import type { KubeClient, ObjectKey } from '../kube/client.ts';
import { KubeApiError, StatusTimeoutError, formatSeconds } from '../kube/errors.ts';
import { LABEL_RUN_ID, runLabels, BASE_TEST_LABEL } from '../kube/labels.ts';
import type { KubeObject } from '../kube/types.ts';
import { done, notYet, waitForObject } from '../kube/wait.ts';

/** The one Lease of a run, in the infra namespace; its name is fixed so two holders cannot coexist. */
export const RUN_LEASE_NAME = 'grpcroute-conformance-run';
const LEASE_VERSION = 'coordination.k8s.io/v1';

export interface LeaseTiming {
  readonly durationSeconds: number;
  readonly renewEveryMs: number;
  /** Added to the duration before an unrenewed lease counts as dead: a slow renewal is not a dead run. */
  readonly marginMs: number;
}

/** Renewed three times per duration, so one lost renewal never makes a live run look dead. */
export const DEFAULT_LEASE_TIMING: LeaseTiming = { durationSeconds: 15, renewEveryMs: 5_000, marginMs: 5_000 };

export interface RunLease {
  /** Our teardown has begun: renewals failing because our namespace is being deleted are expected. */
  ending(): void;
  /** Stops renewing and deletes the lease; with `deleteNamespace`, also the namespace it lives in (ours). */
  release(options: { deleteNamespace: boolean }): Promise<void>;
}

export interface AcquireOptions {
  readonly runId: string;
  /** The run's infra namespace, run labels on: creating it (POST, 409 when it exists) is the atomic claim. */
  readonly namespace: KubeObject;
  /** How long to wait for another live run to end (timeouts.clusterInUse). */
  readonly waitMs: number;
  readonly deleteTimeoutMs: number;
  readonly timing?: LeaseTiming;
  readonly signal?: AbortSignal;
  readonly log: (line: string) => void;
}

/**
 * One live run per cluster: the suite's namespaces have fixed names (upstream's layout), so two runs
 * at once would write the same objects. The run that creates the infra namespace holds the cluster
 * and keeps a Lease in it renewed. Another run waits while that lease keeps changing; it deletes the
 * holder's namespace only after watching the lease stay unchanged for its whole duration plus a
 * margin (judged on this machine's clock alone, so clock skew between runners proves nothing).
 */
export async function acquireRunLease(client: KubeClient, options: AcquireOptions): Promise<RunLease> {
  const timing = options.timing ?? DEFAULT_LEASE_TIMING;
  const name = options.namespace.metadata.name;
  const namespaceKey: ObjectKey = { apiVersion: 'v1', kind: 'Namespace', name };
  const deadline = Date.now() + options.waitMs;
  let announced: string | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const remaining = deadline - Date.now();
    const existing = await client.get(namespaceKey);
    if (!existing) {
      if (!(await claim(client, options.namespace))) continue;
      try {
        return await holdLease(client, name, options.runId, timing, options.deleteTimeoutMs, options.log);
      } catch (error) {
        // A claim without a lease would look dead to others only after a whole lease window: give it back now.
        await client.delete(namespaceKey).catch(() => false);
        throw error;
      }
    }
    const holder = existing.metadata.labels?.[LABEL_RUN_ID] ?? '(unlabelled)';
    if (remaining <= 0) {
      throw new HarnessError(
        'GRPCCONF_CLUSTER_IN_USE',
        `the cluster is in use by run ${holder} (its lease ${name}/${RUN_LEASE_NAME} is being renewed); waited ${formatSeconds(options.waitMs)}: run again when it ends, or raise --timeouts clusterInUse`,
      );
    }
    if (existing.metadata['deletionTimestamp']) {
      await waitUntilGone(client, namespaceKey, Math.min(remaining, options.deleteTimeoutMs));
      continue;
    }
    const state = await observeLease(client, name, timing, remaining, options.signal);
    if (state === 'live') {
      if (announced !== holder) options.log(`cluster in use by run ${holder} (lease ${name}/${RUN_LEASE_NAME} renewed); waiting until it ends (at most ${formatSeconds(remaining)})`);
      announced = holder;
      continue;
    }
    if (state === 'gone') continue;
    // A holder between deleting its lease and deleting its namespace (a release) also leaves the lease
    // unchanged: only a namespace that is still the same one, and not being deleted, proves it dead.
    const now = await client.get(namespaceKey);
    if (!now || now.metadata['deletionTimestamp'] || now.metadata.uid !== existing.metadata.uid) continue;
    options.log(`run ${holder} is dead: its lease ${name}/${RUN_LEASE_NAME} was not renewed for ${formatSeconds(timing.durationSeconds * 1000 + timing.marginMs)}; deleting namespace ${name}`);
    await client.delete(namespaceKey);
    await waitUntilGone(client, namespaceKey, options.deleteTimeoutMs);
  }
}

/** True when we created the namespace; false when another run got there first. */
async function claim(client: KubeClient, namespace: KubeObject): Promise<boolean> {
  try {
    await client.create(namespace);
    return true;
  } catch (error) {
    if (error instanceof KubeApiError && error.status === 409) return false;
    throw error;
  }
}

/**
 * 'live' as soon as the lease changes (or appears), 'gone' when it is deleted, 'stale' when it stays
 * as it was for the lease duration plus margin. Never longer than `limitMs`.
 */
async function observeLease(client: KubeClient, namespace: string, timing: LeaseTiming, limitMs: number, signal?: AbortSignal): Promise<'live' | 'gone' | 'stale'> {
  let first: string | undefined | null = null;
  const windowMs = timing.durationSeconds * 1000 + timing.marginMs;
  try {
    return await waitForObject(
      client,
      { apiVersion: LEASE_VERSION, kind: 'Lease', namespace, name: RUN_LEASE_NAME },
      (lease) => {
        const version = lease?.metadata.resourceVersion;
        if (first === null) {
          first = version;
          return notYet(lease ? `renewed at ${String((lease.spec as { renewTime?: string } | undefined)?.renewTime)}` : 'no lease');
        }
        if (version === first) return notYet('unchanged');
        return done(version === undefined ? 'gone' : 'live');
      },
      { object: `Lease ${namespace}/${RUN_LEASE_NAME}`, wanted: 'a renewal', timeoutName: 'clusterInUse', timeoutMs: Math.min(windowMs, limitMs), ...(signal ? { signal } : {}) },
    );
  } catch (error) {
    if (error instanceof StatusTimeoutError) return limitMs < windowMs ? 'live' : 'stale';
    throw error;
  }
}

async function holdLease(client: KubeClient, namespace: string, runId: string, timing: LeaseTiming, deleteTimeoutMs: number, log: (line: string) => void): Promise<RunLease> {
  const key: ObjectKey = { apiVersion: LEASE_VERSION, kind: 'Lease', namespace, name: RUN_LEASE_NAME };
  const now = microTime();
  await client.create({
    apiVersion: LEASE_VERSION,
    kind: 'Lease',
    metadata: { name: RUN_LEASE_NAME, namespace, labels: runLabels(runId, BASE_TEST_LABEL) },
    spec: { holderIdentity: runId, leaseDurationSeconds: timing.durationSeconds, acquireTime: now, renewTime: now },
  });
  let failing = false;
  let ending = false;
  const renew = async (): Promise<void> => {
    try {
      await client.mergePatch(key, { spec: { renewTime: microTime() } });
      if (failing) log('run lease: renewed again');
      failing = false;
    } catch (error) {
      // Our own teardown deleting the namespace takes the lease with it: nothing to report.
      if (ending) return;
      // Another run deletes our namespace only after this has failed for a whole lease duration.
      if (!failing) log(`run lease: renewal failed (${describeError(error)}); other runs may take the cluster if this lasts ${timing.durationSeconds}s`);
      failing = true;
    }
  };
  const timer = setInterval(() => void renew(), timing.renewEveryMs);
  // The lease must never keep a finished process alive.
  timer.unref();
  return {
    ending() {
      ending = true;
    },
    async release({ deleteNamespace }) {
      clearInterval(timer);
      await client.delete(key).catch(() => false);
      if (deleteNamespace) {
        const namespaceKey: ObjectKey = { apiVersion: 'v1', kind: 'Namespace', name: namespace };
        const current = await client.get(namespaceKey);
        if (current?.metadata.labels?.[LABEL_RUN_ID] === runId && (await client.delete(namespaceKey))) await waitUntilGone(client, namespaceKey, deleteTimeoutMs);
      }
    },
  };
}

/** Lease times are MicroTime: RFC 3339 with exactly six fractional digits. */
function microTime(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
