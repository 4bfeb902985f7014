import { HarnessError } from '../errors.ts';
import { probeAppendTarget, probeReportFolder } from '../report/index.ts';

export interface OutputPaths {
  readonly reportDir: string;
  /** $GITHUB_STEP_SUMMARY, appended to at the end when set. */
  readonly stepSummary?: string | undefined;
}

function refuse(what: string, error: unknown, fix: string): HarnessError {
  const reason = error instanceof Error ? error.message : String(error);
  return new HarnessError('GRPCCONF_OUTPUT_PATH', `${what}: ${reason}; ${fix}`, { exitCode: 2, cause: error });
}

/**
 * Proves every path the run will write to usable before any cluster is touched: finding out at
 * the end would throw away a whole run's results. Throws a HarnessError (exit 2) with one line.
 */
export async function checkOutputPaths(paths: OutputPaths): Promise<void> {
  try {
    await probeReportFolder(paths.reportDir);
  } catch (error) {
    throw refuse(`report folder ${paths.reportDir} cannot be used`, error, 'pass --report-dir with a folder you can write to');
  }
  if (!paths.stepSummary) return;
  try {
    await probeAppendTarget(paths.stepSummary);
  } catch (error) {
    throw refuse(`GITHUB_STEP_SUMMARY ${paths.stepSummary} cannot be appended to`, error, 'point it at a writable file or unset it');
  }
}
