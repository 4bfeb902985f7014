import type { ResolvedConfig } from '../config/types.ts';
import type { RunFacts } from '../run/facts.ts';
import type { TestResult } from './results.ts';

/** What the main process hands every worker through Vitest's provide/inject. */
export interface ConformanceProvided {
  readonly config: ResolvedConfig;
  readonly facts: RunFacts;
  /** File URLs of modules with more tests (the library's `testModules`); absent: none. */
  readonly testModules?: readonly string[];
  /** The run's tests, in order; absent: every test the worker has. */
  readonly testNames?: readonly string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: ConformanceProvided;
  }
  export interface TaskMeta {
    /** Set by the adapter on every conformance test before it finishes. */
    conformance?: TestResult;
  }
}
