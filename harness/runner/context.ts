import type { ResolvedConfig, StaticAddresses, TimeoutConfig } from '../config/types.ts';
import type { GrpcHelpers } from '../grpc/types.ts';
import type { KubeHelpers } from '../kube/types.ts';

/** What a test body receives. Everything is already bound to the run's clients, labels and timeouts. */
export interface TestContext {
  readonly name: string;
  /** Timestamped, prefixed with the test name. */
  log(message: string): void;
  /** Aborted when the test's deadline passes or the run is interrupted. */
  readonly signal: AbortSignal;
  readonly config: ResolvedConfig;
  readonly timeouts: TimeoutConfig;
  /** Names of the shared namespaces the base fixtures created. */
  readonly namespaces: { readonly infra: string; readonly app: string; readonly web: string };
  /** Spec addresses for GatewayStaticAddresses (flags, else the cluster provider's); either may be missing. */
  readonly staticAddresses: StaticAddresses;
  readonly kube: KubeHelpers;
  readonly grpc: GrpcHelpers;
  /** Registers cleanup; runs LIFO after the body, on failure too. */
  cleanup(fn: () => Promise<void> | void): void;
  /**
   * Runs sub-cases concurrently and records each as a case result (name, duration,
   * expected vs observed). The first failure fails the test after all cases settle.
   */
  cases<C extends { name?: string }>(list: readonly C[], fn: (c: C) => Promise<void>): Promise<void>;
  /** Records one named case around `fn`; use for sequential steps that are not a table. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * A cited statement this run could not stage (e.g. two objects sharing a creation second): the
   * result stops citing it and a case names it as not exercised, so a pass never credits it silently.
   */
  notExercised(statement: number, why: string): void;
}
