import { needsNetworkNamespace } from '../cluster/control-plane/launcher-env.ts';
import type { ConfigLayer } from '../config/config-input.ts';
import { formatDuration } from '../config/duration.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { ConfigError } from '../errors.ts';
import { createRunLog, type LogSink } from '../log.ts';
import { checkOutputPaths } from '../cli/check-output-paths.ts';
import { resolveConfig } from '../cli/resolve-config.ts';
import type { ConformanceTest } from '../runner/conformance-test.ts';
import type { RunResult } from '../runner/results.ts';
import { defineTestList } from '../runner/test-registry.ts';
import { testModuleUrl } from './import-test-module.ts';

/** Settings keyed like the options file: the camelCase flag names (`gatewayClass`, `runTest`, …). */
export type ConformanceOptions = ConfigLayer;

export interface RunConformanceOptions {
  /** The highest layer: above the options file it names and the environment. */
  readonly config?: ConformanceOptions;
  /** The run's tests, ours and your own; default: all of ours. */
  readonly tests?: readonly ConformanceTest[];
  /**
   * Where the worker process finds the tests of `tests` that are not ours: modules (paths
   * relative to `cwd`, or URLs) exporting them as `tests`. Tests run in a worker, which must
   * import them again.
   */
  readonly testModules?: readonly (string | URL)[];
  /** GRPCCONF_* variables to honour, and GITHUB_STEP_SUMMARY; default none: code decides. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where relative paths (reportDir, optionsFile, testModules) start; default process.cwd(). */
  readonly cwd?: string;
  /** The summary, ending `N passed, N failed`; default process.stdout. */
  readonly out?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Log lines (setup progress, warnings); default stderr. */
  readonly log?: LogSink;
  /** Live per-test progress on `out`; default false (test runners own the terminal). */
  readonly progress?: boolean;
  /** Abort to stop the run: running tests see it, cleanup still runs. */
  readonly signal?: AbortSignal;
}

export interface ConformanceOutcome {
  /** 0 no test failed, 1 one did, 2 the run could not complete, 130/143 interrupted. */
  readonly exitCode: number;
  readonly config: ResolvedConfig;
  /** The result model every report is rendered from. */
  readonly run: RunResult;
  readonly reportFiles: readonly string[];
  readonly reportFailures: readonly string[];
}

/** What a composition root supplies: the built-in tests (harness/ never imports suites/). */
export interface ConformanceSuite {
  readonly builtinTests: readonly ConformanceTest[];
}

function describeConfig(config: ResolvedConfig): string {
  const features = config.supportedFeatures
    ? `${config.supportedFeatures.length} features (${config.featureSource})`
    : 'features from GatewayClass status';
  const selection = config.runTest ? `, only ${config.runTest.join(',')}` : '';
  return `run ${config.runId}: gateway class ${config.gatewayClass}, ${config.cluster} cluster, ${features}${selection}, consistency ${formatDuration(config.timeouts.maxTimeToConsistency)}`;
}

export interface ResolvedRun {
  readonly config: ResolvedConfig;
  readonly tests: readonly ConformanceTest[];
  readonly testModules: readonly string[];
}

/** Config, tests and output paths checked before any cluster is touched; bad input throws ConfigError. */
export async function resolveRun(suite: ConformanceSuite, options: RunConformanceOptions): Promise<ResolvedRun> {
  const cwd = options.cwd ?? process.cwd();
  const testModules = (options.testModules ?? []).map((m) => testModuleUrl(m, cwd));
  const tests = defineTestList(options.tests ?? suite.builtinTests);
  const config = await resolveConfig({ flags: options.config ?? {}, env: options.env ?? {}, cwd, knownTests: tests.map((t) => t.name) });
  await checkOutputPaths({ reportDir: config.reportDir, stepSummary: options.env?.GITHUB_STEP_SUMMARY });
  return { config, tests, testModules };
}

/**
 * One whole conformance run, the CLI's and a vendor's test file's alike: resolve, prepare the
 * cluster, run, clean up, write the reports, print the summary. Throws ConfigError (or another
 * HarnessError) for bad input and setup failures; test failures are in the outcome.
 */
export async function runConformanceWith(suite: ConformanceSuite, options: RunConformanceOptions, resolved?: ResolvedRun): Promise<ConformanceOutcome> {
  const { config, tests, testModules } = resolved ?? (await resolveRun(suite, options));
  const env = options.env ?? {};
  if (needsNetworkNamespace(config.cluster, env)) {
    throw new ConfigError('--cluster=control-plane runs itself again inside a network namespace; use the CLI: npx grpcroute-conformance --cluster=control-plane');
  }
  const sink = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = createRunLog(config, sink);
  log.info(describeConfig(config));
  log.debug(`resolved config: ${JSON.stringify(config)}`);
  const { prepareRun } = await import('../run/prepare-run.ts');
  const { runSuite } = await import('../runner/run-suite.ts');
  const outcome = await runSuite({
    config,
    tests,
    testModules,
    prepare: prepareRun,
    log,
    out: options.out ?? process.stdout,
    ci: !(options.progress ?? false),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { ...outcome, config };
}
