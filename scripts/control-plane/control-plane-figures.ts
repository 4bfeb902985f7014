import { locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { controlPlaneStartToReadyMs, runSuiteOnControlPlane } from './bench-control-plane.ts';

const START_RUNS = 3;

export interface ControlPlaneFigures {
  readonly rows: readonly [string, string][];
  readonly json: Record<string, unknown> | { readonly skipped: string };
}

/** The real control plane's figures for npm run bench, beside the embedded suite wall time measured in the same bench. */
export async function controlPlaneFigures(embeddedSuiteWallS: number): Promise<ControlPlaneFigures> {
  const skipped = whyNot();
  if (skipped) return { rows: [['control plane', `not measured: ${skipped}`]], json: { skipped } };
  const starts: number[] = [];
  for (let i = 0; i < START_RUNS; i++) starts.push(await controlPlaneStartToReadyMs());
  const startMs = [...starts].sort((a, b) => a - b)[1]!;
  const suite = await runSuiteOnControlPlane();
  const wallS = suite.run.wallMs / 1000;
  const failed = suite.run.results?.tests.filter((t) => t.outcome === 'failed').length ?? Number.NaN;
  const ratio = wallS / embeddedSuiteWallS;
  const perTest = suite.suiteRequests / suite.tests;
  console.error(`  control plane: start ${starts.map((ms) => ms.toFixed(0)).join(', ')} ms; suite ${wallS.toFixed(1)} s, ${failed} failed`);
  return {
    rows: [
      ['control plane start to ready (ms, median of 3)', `${startMs.toFixed(0)} (${starts.map((ms) => ms.toFixed(0)).join(', ')})`],
      ['suite_wall_s on the control plane / embedded', `${wallS.toFixed(1)} / ${embeddedSuiteWallS.toFixed(1)} = ${ratio.toFixed(2)}x (${failed} failed)`],
      ['api_requests_per_test on the control plane (suite identity, audit log)', `${perTest.toFixed(1)} (${suite.suiteRequests} over ${suite.tests} tests; ${Object.entries(suite.suiteRequestsByVerb).map(([v, n]) => `${v} ${n}`).join(', ')}; all identities ${suite.allRequests})`],
    ],
    json: {
      start_to_ready_ms: Math.round(startMs),
      suite_wall_s: Number(wallS.toFixed(2)),
      suite_wall_ratio_to_embedded: Number(ratio.toFixed(2)),
      failed,
      api_requests_per_test: Number(perTest.toFixed(1)),
      api_requests_by_verb: suite.suiteRequestsByVerb,
      all_identities_requests: suite.allRequests,
    },
  };
}

function whyNot(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (a network namespace per run)';
  try {
    locateBinaries(process.env);
    return undefined;
  } catch {
    return 'binaries not built (npm run control-plane:build)';
  }
}
