import type { ResolvedConfig } from '../config/types.ts';
import type { RunFacts } from '../run/facts.ts';
import type { TestResult } from './results.ts';

/** What the main process hands every worker through Vitest's provide/inject. */
export interface ConformanceProvided {
  readonly config: ResolvedConfig;
  readonly facts: RunFacts;
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
