import type { ChildRun } from './child-run.ts';

/** What one gateway's run inside its namespace leaves for the table (run.json in its folder). */
export interface RunRecord {
  readonly gateway: string;
  readonly features: readonly string[];
  /** The upstream-named tests of ours that ran (those upstream ran too). */
  readonly ourTests: readonly string[];
  /** The whole GATEWAY-GRPC profile: the verdicts. */
  readonly upstream: ChildRun;
  /** The profile again with every test outside ourTests skipped: the wall time of the same tests. */
  readonly upstreamSameTests?: ChildRun;
  readonly ours?: ChildRun;
}

export const RUN_RECORD = 'run.json';
