import type { ObjectCache } from '../kube/cache.ts';
import type { AccountWriter } from './account-writer.ts';
import { AddressPool } from './address-pool.ts';
import { ConfigPusher } from './config-pusher.ts';
import type { ConfigSink } from './config-pusher.ts';
import { computeDesiredState } from './desired-state.ts';
import { ReferencePolicy } from './reference-grants.ts';
import type { ControllerSettings } from './settings.ts';
import { snapshotFromCache } from './snapshot.ts';
import type { StatusWriter } from './status-writer.ts';

const DEBOUNCE_MS = 15;
const SLOW_PROGRAMMING_MS = 2_000;

export interface ReconcilerOptions {
  readonly cache: ObjectCache;
  readonly writer: StatusWriter;
  /** Writes the generated ServiceAccounts, before status, so Accepted never runs ahead of them. */
  readonly accounts: AccountWriter;
  readonly sink: ConfigSink;
  readonly settings: ControllerSettings;
  readonly addressPool: string;
  readonly log: (line: string) => void;
}

/**
 * Recomputes everything from the cache after a short debounce: pushes the data-plane config, then
 * writes status, so Accepted never runs ahead of programming (unless a fault says otherwise; under
 * chaos the data plane accepts the push at once and lands it later). One reconcile at a time;
 * changes that arrive meanwhile cause exactly one more.
 */
export class Reconciler {
  private readonly addresses: AddressPool;
  private readonly references: ReferencePolicy;
  private readonly pusher: ConfigPusher;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  private started = false;
  private stopped = false;

  constructor(private readonly options: ReconcilerOptions) {
    this.addresses = new AddressPool(options.addressPool);
    this.references = new ReferencePolicy(options.settings.faults);
    this.pusher = new ConfigPusher(options.sink, options.log);
  }

  /** Enables triggering and runs the first reconcile. */
  async start(): Promise<void> {
    this.started = true;
    await this.runNow();
  }

  /** Schedules a reconcile (debounced). */
  trigger(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.runNow();
    }, DEBOUNCE_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.pusher.stop();
  }

  private async runNow(): Promise<void> {
    if (this.running) {
      this.dirty = true;
      return this.running;
    }
    this.running = this.reconcile().finally(() => {
      this.running = undefined;
      if (this.dirty) {
        this.dirty = false;
        this.trigger();
      }
    });
    return this.running;
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const { cache, settings, writer, log } = this.options;
    try {
      const unboundBefore = this.pusher.unbound;
      const desired = computeDesiredState(snapshotFromCache(cache), settings, {
        addresses: this.addresses,
        references: this.references,
        unbound: unboundBefore,
      });
      if (settings.faults.has('slow-programming')) {
        void this.pusher.push(desired.config, SLOW_PROGRAMMING_MS);
      } else {
        await this.pusher.push(desired.config, 0);
      }
      if (this.stopped) return;
      if (!sameMembers(unboundBefore, this.pusher.unbound)) {
        // Listener status depends on what the push could bind: recompute before writing status.
        this.dirty = true;
        return;
      }
      await this.options.accounts.sync(desired.serviceAccounts);
      await writer.writeAll(desired.statuses);
    } catch (error) {
      log(`reconcile failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
