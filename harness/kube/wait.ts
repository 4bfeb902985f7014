import { reserveWaitTime } from '../wait-reservation.ts';
import type { KubeClient } from './client.ts';
import { StatusTimeoutError } from './errors.ts';
import type { KubeObject } from './types.ts';

/** What to watch: one object (name set) or every object matching a selector. */
export interface WatchTarget {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly labelSelector?: string;
}

/** An evaluation of the objects seen so far: done with a value, or not yet with a description of why. */
export type Verdict<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly state: string };

export interface WaitOptions {
  /** The object(s) waited on, as a person would name them: 'GRPCRoute infra/route-a'. */
  readonly object: string;
  /** What was wanted, e.g. 'Accepted=True on parent Gateway infra/same-namespace'. */
  readonly wanted: string;
  /** The TimeoutConfig field that bounds the wait (named in the error). */
  readonly timeoutName: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export const done = <T>(value: T): Verdict<T> => ({ done: true, value });
export const notYet = (state: string): Verdict<never> => ({ done: false, state });

/**
 * Waits until `evaluate` says done for the objects matching `target`, by listing once and then
 * watching from the list's resourceVersion (re-listing on 410 Gone or a broken stream). On timeout
 * throws StatusTimeoutError carrying the last state `evaluate` described.
 */
export function waitForObjects<T>(
  client: KubeClient,
  target: WatchTarget,
  evaluate: (objects: readonly KubeObject[]) => Verdict<T>,
  options: WaitOptions,
): Promise<T> {
  return waitForTargets(client, [target], (lists) => evaluate(lists[0]!), options);
}

/**
 * waitForObjects over several targets at once (one list+watch each): `evaluate` receives the
 * current objects of every target, in `targets` order, after any of them changed.
 */
export function waitForTargets<T>(
  client: KubeClient,
  targets: readonly WatchTarget[],
  evaluate: (lists: readonly (readonly KubeObject[])[]) => Verdict<T>,
  options: WaitOptions,
): Promise<T> {
  const stop = new AbortController();
  let lastState = 'nothing observed yet';
  reserveWaitTime(options.signal, options.timeoutMs);
  const seen: (readonly KubeObject[] | undefined)[] = targets.map(() => undefined);

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      stop.abort();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new StatusTimeoutError({
              object: options.object,
              wanted: options.wanted,
              timeoutName: options.timeoutName,
              timeoutMs: options.timeoutMs,
              lastState,
            }),
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = (): void => finish(() => reject(abortReason(options.signal, options.object)));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const checkFor = (index: number) => (objects: Iterable<KubeObject>): boolean => {
      if (settled) return true;
      const target = targets[index]!;
      seen[index] = [...objects].filter((o) => target.name === undefined || o.metadata.name === target.name);
      // Until every target has been listed once, the picture is incomplete: wait for the rest.
      if (seen.some((list) => list === undefined)) return false;
      let verdict: Verdict<T>;
      try {
        verdict = evaluate(seen as readonly (readonly KubeObject[])[]);
      } catch (error) {
        finish(() => reject(error));
        return true;
      }
      if (verdict.done) {
        finish(() => resolve(verdict.value));
        return true;
      }
      lastState = verdict.state;
      return false;
    };

    targets.forEach((target, index) => {
      observe(client, target, checkFor(index), stop.signal, (problem) => {
        lastState = problem;
      }).catch((error: unknown) => finish(() => reject(error)));
    });
  });
}

/** Waits on one object; `evaluate` receives undefined while it does not exist. */
export function waitForObject<T>(
  client: KubeClient,
  target: WatchTarget & { readonly name: string },
  evaluate: (object: KubeObject | undefined) => Verdict<T>,
  options: WaitOptions,
): Promise<T> {
  return waitForObjects(client, target, (objects) => evaluate(objects[0]), options);
}

/** Keeps a cache of the target's objects current through list+watch and calls `check` on every change. */
async function observe(
  client: KubeClient,
  target: WatchTarget,
  check: (objects: Iterable<KubeObject>) => boolean,
  signal: AbortSignal,
  reportProblem: (problem: string) => void,
): Promise<void> {
  const listOptions = {
    namespace: target.namespace,
    labelSelector: target.labelSelector,
    fieldSelector: target.name === undefined ? undefined : `metadata.name=${target.name}`,
  };
  const reconnect = new Backoff();
  while (!signal.aborted) {
    let list;
    try {
      list = await client.list(target.apiVersion, target.kind, listOptions);
    } catch (error) {
      reportProblem(`list failed: ${(error as Error).message}`);
      await reconnect.wait(signal);
      continue;
    }
    const cache = new Map<string, KubeObject>(list.items.map((o) => [cacheKey(o), o]));
    if (check(cache.values())) return;
    let resourceVersion = list.resourceVersion;

    // Watch until the stream breaks in a way that needs a fresh list.
    for (;;) {
      if (signal.aborted) return;
      const stream = new AbortController();
      const onStop = (): void => stream.abort();
      signal.addEventListener('abort', onStop, { once: true });
      let needsRelist = false;
      let sawEvent = false;
      const end = await client.watch(
        target.apiVersion,
        target.kind,
        { ...listOptions, resourceVersion, signal: stream.signal },
        (event) => {
          if (stream.signal.aborted) return;
          sawEvent = true;
          if (event.type === 'ERROR') {
            needsRelist = true;
            stream.abort();
            return;
          }
          const rv = event.object.metadata?.resourceVersion;
          if (rv) resourceVersion = rv;
          if (event.type === 'BOOKMARK') return;
          if (event.type === 'DELETED') cache.delete(cacheKey(event.object));
          else cache.set(cacheKey(event.object), event.object);
          if (check(cache.values())) stream.abort();
        },
      );
      signal.removeEventListener('abort', onStop);
      if (signal.aborted) return;
      if (sawEvent) reconnect.reset();
      if (end.error !== undefined) {
        reportProblem(`watch failed: ${(end.error as Error).message ?? String(end.error)}`);
        needsRelist = true;
      }
      if (needsRelist) break;
      // A clean close (server-side timeout): continue from the last resourceVersion, but never spin.
      if (!sawEvent) await reconnect.wait(signal);
    }
    await reconnect.wait(signal);
  }
}

function cacheKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/**
 * Reconnect pacing after a failed list or a watch that ended at once: not a wait for state
 * (state arrives through the watch), only protection against hammering a failing server.
 */
class Backoff {
  private delayMs = 50;

  reset(): void {
    this.delayMs = 50;
  }

  wait(signal: AbortSignal): Promise<void> {
    const ms = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, 2_000);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(wake, ms);
      function wake(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      }
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}

function abortReason(signal: AbortSignal | undefined, object: string): unknown {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error(`wait for ${object} aborted`);
}
