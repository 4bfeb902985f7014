import type { DataPlaneConfig } from '../model/data-plane-config.ts';
import { DataPlaneBindError } from './bind-error.ts';
import { Chaos, type ChaosOptions } from './chaos.ts';
import { FaultSet } from './faults.ts';
import { handleStream } from './request-handler.ts';
import { compileServerTables } from './routing-table.ts';
import { ServerPool } from './server-pool.ts';
import { UpstreamPool, upstreamKey } from './upstream-pool.ts';

export { DATA_PLANE_FAULTS } from './faults.ts';
export { DataPlaneBindError } from './bind-error.ts';

/** How the data plane is started. */
export interface DataPlaneOptions {
  /** Enabled fault names (mutation testing); names of other layers are ignored. */
  faults: ReadonlySet<string>;
  chaos?: ChaosOptions;
  log?: (line: string) => void;
}

function endpointKeys(config: DataPlaneConfig): Set<string> {
  const keys = new Set<string>();
  for (const gateway of config.gateways) {
    for (const listener of gateway.listeners) {
      for (const route of listener.routes) {
        for (const rule of route.rules) {
          const filters = [...rule.filters, ...rule.backends.flatMap((b) => b.filters)];
          const backends = [...rule.backends, ...filters.flatMap((f) => (f.type === 'RequestMirror' && f.backend ? [f.backend] : []))];
          for (const backend of backends) for (const endpoint of backend.endpoints) keys.add(upstreamKey(endpoint, backend.tls));
        }
      }
    }
  }
  return keys;
}

/** The reference gateway's HTTP/2 gRPC data plane: serves whatever the controller last applied. */
export class DataPlane {
  readonly #log: (line: string) => void;
  readonly #chaos: Chaos;
  readonly #upstreams = new UpstreamPool();
  readonly #servers: ServerPool;
  readonly #pendingTimers = new Set<NodeJS.Timeout>();
  #queue: Promise<void> = Promise.resolve();
  #requested = 0;
  #applied = 0;
  #stopped = false;

  constructor(options: DataPlaneOptions) {
    const faults = new FaultSet(options.faults);
    this.#log = options.log ?? (() => undefined);
    this.#chaos = new Chaos(options.chaos);
    const context = { faults, chaos: this.#chaos, upstreams: this.#upstreams };
    this.#servers = new ServerPool({ faults, log: this.#log, handle: (table, stream, headers, raw) => handleStream(context, table, stream, headers, raw) });
  }

  /**
   * Idempotent: binds new (address, bindPort) servers, closes ones no longer configured, swaps routing tables
   * atomically. Rejects with {@link DataPlaneBindError} when some server could not be bound (the rest is
   * applied). Under chaos it resolves at once and the config lands after a random delay (never out of order).
   */
  apply(config: DataPlaneConfig): Promise<void> {
    const generation = ++this.#requested;
    const delayMs = this.#chaos.applyDelayMs();
    if (delayMs <= 0) return this.#enqueue(generation, config);
    const timer = setTimeout(() => {
      this.#pendingTimers.delete(timer);
      this.#enqueue(generation, config).catch((error: unknown) => this.#log(`data-plane: delayed apply failed: ${String(error)}`));
    }, delayMs);
    this.#pendingTimers.add(timer);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#pendingTimers) clearTimeout(timer);
    this.#pendingTimers.clear();
    await this.#queue;
    await this.#servers.close();
    this.#upstreams.close();
  }

  #enqueue(generation: number, config: DataPlaneConfig): Promise<void> {
    const run = this.#queue.then(() => this.#applyNow(generation, config));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #applyNow(generation: number, config: DataPlaneConfig): Promise<void> {
    // A newer config that already landed wins over an older one that was delayed longer.
    if (this.#stopped || generation < this.#applied) return;
    this.#applied = generation;
    const { tables, skipped } = compileServerTables(config);
    for (const line of skipped) this.#log(`data-plane: listener not served: ${line}`);
    const failures = await this.#servers.apply(tables);
    this.#upstreams.retain(endpointKeys(config));
    if (failures.length > 0) throw new DataPlaneBindError(failures);
  }
}
