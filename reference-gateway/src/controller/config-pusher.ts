import { DataPlaneBindError } from '../data-plane/bind-error.ts';
import type { DataPlaneConfig } from '../model/data-plane-config.ts';

/** Where compiled configs go: the data plane, or a recorder in tests. */
export interface ConfigSink {
  apply(config: DataPlaneConfig): Promise<void>;
}

/**
 * Hands configs to the sink one at a time, newest wins: a config superseded while waiting is never
 * applied, and a config equal to the last one handed over is not handed over again. `delayMs`
 * models slow programming (a fault), not chaos (the data plane does that itself).
 */
export class ConfigPusher {
  private chain: Promise<void> = Promise.resolve();
  private latest: DataPlaneConfig | undefined;
  private lastPushed = '';
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private stopped = false;
  /** `address:port` of servers the last apply could not bind (from DataPlaneBindError). */
  unbound: ReadonlySet<string> = new Set();

  constructor(
    private readonly sink: ConfigSink,
    private readonly log: (line: string) => void,
  ) {}

  /** Resolves once this config (or a newer one) has been handed over, or it was superseded. */
  push(config: DataPlaneConfig, delayMs: number): Promise<void> {
    const serialized = JSON.stringify(config);
    this.latest = config;
    const run = async (): Promise<void> => {
      if (this.stopped || this.latest !== config || serialized === this.lastPushed) return;
      if (delayMs > 0) await this.sleep(delayMs);
      if (this.stopped || this.latest !== config) return;
      this.lastPushed = serialized;
      try {
        await this.sink.apply(config);
        this.unbound = new Set();
      } catch (error) {
        this.log(`data plane apply failed: ${(error as Error).message}`);
        // Retry binding on the next push even if nothing else changed.
        this.lastPushed = '';
        if (error instanceof DataPlaneBindError) {
          this.unbound = new Set(error.failures.flatMap((f) => /(\S+:\d+)$/.exec(f.server)?.[1] ?? []));
        }
      }
    };
    this.chain = this.chain.then(run);
    return this.chain;
  }

  /** Drops pending delayed pushes and waits for an apply in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.wake();
    }
    await this.chain;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = { timer: setTimeout(() => (this.timers.delete(entry), resolve()), ms), wake: resolve };
      this.timers.add(entry);
    });
  }
}
