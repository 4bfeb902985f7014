import type { ResolvedConfig } from '../config/types.ts';
import type { RunFacts } from '../run/facts.ts';

/** The seam to the cluster side (harness/run/prepare-run.ts); injected so the runner can be tested alone. */
export interface PreparedRunLike {
  readonly facts: RunFacts;
  teardown(): Promise<void>;
}

export type PrepareRun = (config: ResolvedConfig, log: (line: string) => void) => Promise<PreparedRunLike>;
