import type { ResolvedConfig } from '../config/types.ts';
import { describeError, HarnessError, InterruptedError } from '../errors.ts';
import type { RunLog } from '../log.ts';
import { renderTerminalSummary, writeRunReports } from '../report/index.ts';
import { assembleRunResult } from './assemble-run-result.ts';
import { colourizer } from './colour.ts';
import type { ConformanceTest } from './conformance-test.ts';
import { formatTestLine, formatTotals } from './format-test-line.ts';
import { withPortOffset } from './port-offset.ts';
import type { PrepareRun, PreparedRunLike } from './prepared-run.ts';
import type { RunResult } from './results.ts';
import { runVitest } from './run-vitest.ts';

export interface RunSuiteOptions {
  readonly config: ResolvedConfig;
  readonly tests: readonly ConformanceTest[];
  readonly prepare: PrepareRun;
  readonly log: RunLog;
  /** The summary (stdout): one line per test, then `N passed, N failed` last. */
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  /** CI=true: no live progress. */
  readonly ci: boolean;
  /** Aborted with an InterruptedError on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  readonly testFile?: string;
  readonly root?: string;
  /** File URLs of modules whose tests the worker loads beside the built-in ones. */
  readonly testModules?: readonly string[];
}

export interface RunSuiteOutcome {
  readonly exitCode: number;
  readonly run: RunResult;
  readonly reportFiles: readonly string[];
  /** One line each for reports that could not be written where asked; the exit code ignores them. */
  readonly reportFailures: readonly string[];
}

async function prepareOrExplain(options: RunSuiteOptions): Promise<PreparedRunLike> {
  try {
    return await options.prepare(options.config, (line) => options.log.info(line));
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    throw new HarnessError('GRPCCONF_SETUP_FAILED', `setup failed: ${describeError(error)}`, { cause: error });
  }
}

/**
 * One whole run: prepare the cluster, run Vitest, tear down (always), write reports, print the
 * summary. Throws HarnessError only when setup fails; every later failure is in the outcome.
 */
export async function runSuite(options: RunSuiteOptions): Promise<RunSuiteOutcome> {
  const { config, log } = options;
  const startedAt = new Date();
  const prepared = withPortOffset(await prepareOrExplain(options), config.lowPortOffset);
  let runErrors: readonly string[] = [];
  let outcome: Awaited<ReturnType<typeof runVitest>> | undefined;
  try {
    if (!options.signal?.aborted) {
      outcome = await runVitest({
        config,
        facts: prepared.facts,
        tests: options.tests,
        testModules: options.testModules ?? [],
        silentProgress: options.ci || config.quiet,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.testFile ? { testFile: options.testFile } : {}),
        ...(options.root ? { root: options.root } : {}),
      });
      runErrors = outcome.runErrors;
    }
  } finally {
    try {
      await prepared.teardown();
    } catch (error) {
      log.warn(`teardown failed: ${describeError(error)}`);
    }
  }
  // Vitest sets process.exitCode for failed tests; the exit code is ours to decide.
  process.exitCode = undefined;

  const interrupted = options.signal?.aborted ? options.signal.reason : undefined;
  const notRunReason = interrupted
    ? `not run: ${describeError(interrupted)}`
    : runErrors.length > 0
      ? `not run: ${runErrors[0]}`
      : 'not run';
  const run = assembleRunResult({
    tests: options.tests,
    recorded: new Map([...(outcome?.recorded ?? [])].filter(([name]) => !(interrupted && outcome?.unrecorded.has(name)))),
    config,
    facts: prepared.facts,
    startedAt,
    finishedAt: new Date(),
    notRunReason,
  });
  // Never throws: a bad disk must not cost the summary below or the run's exit code.
  const { written: reportFiles, failures: reportFailures } = await writeRunReports(run, config.reportDir, { env: process.env });
  for (const file of reportFiles) log.info(`report: ${file}`);
  // A worker killed by the same Ctrl-C is expected then, not news.
  for (const error of runErrors) (interrupted ? log.debug : log.warn)(error);

  const paint = colourizer(options.out);
  for (const result of run.tests) {
    if (config.quiet && result.outcome !== 'failed') continue;
    options.out.write(`${formatTestLine(result, paint)}\n`);
  }
  if (!config.quiet) {
    const isTTY = (options.out as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
    for (const line of renderTerminalSummary(run, { isTTY })) options.out.write(`${line}\n`);
  }
  options.out.write(`${formatTotals(run.tests)}\n`);

  const failed = run.tests.some((t) => t.outcome === 'failed');
  const exitCode =
    interrupted instanceof InterruptedError ? interrupted.exitCode : interrupted ? 130 : failed ? 1 : runErrors.length > 0 ? 2 : 0;
  return { exitCode, run, reportFiles, reportFailures };
}
