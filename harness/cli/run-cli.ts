import { resolve } from 'node:path';
import { describeError, HarnessError } from '../errors.ts';
import { createRunLog } from '../log.ts';
import type { ConformanceTest } from '../runner/conformance-test.ts';
import { formatDuration } from '../config/duration.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { checkOutputPaths } from './check-output-paths.ts';
import { renderHelp } from './help.ts';
import { needsNetworkNamespace } from '../cluster/control-plane/launcher-env.ts';
import { abortOnSignals } from './interrupt.ts';
import { renderList } from './list-command.ts';
import { parseArgv } from './parse-argv.ts';
import { resolveConfig } from './resolve-config.ts';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

async function loadTests(): Promise<readonly ConformanceTest[]> {
  const { CONFORMANCE_TESTS } = await import('../../suites/index.ts');
  return CONFORMANCE_TESTS;
}

function describeConfig(config: ResolvedConfig): string {
  const features = config.supportedFeatures
    ? `${config.supportedFeatures.length} features (${config.featureSource})`
    : 'features from GatewayClass status';
  const selection = config.runTest ? `, only ${config.runTest.join(',')}` : '';
  return `run ${config.runId}: gateway class ${config.gatewayClass}, ${config.cluster} cluster, ${features}${selection}, consistency ${formatDuration(config.timeouts.maxTimeToConsistency)}`;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgv(argv);
  if (args.command === 'help') {
    io.stdout.write(renderHelp());
    return 0;
  }
  if (args.command === 'list') {
    io.stdout.write(renderList(await loadTests(), args.json));
    return 0;
  }
  if (args.command === 'embedded') {
    const { runEmbeddedStandalone } = await import('../cluster/embedded-standalone.ts');
    await runEmbeddedStandalone({ kubeconfigOut: resolve(io.cwd, args.kubeconfigOut), referenceGateway: args.referenceGateway });
    return 0;
  }
  const tests = await loadTests();
  const config = await resolveConfig({ flags: args.flags, env: io.env, cwd: io.cwd, knownTests: tests.map((t) => t.name) });
  await checkOutputPaths({ reportDir: config.reportDir, stepSummary: io.env.GITHUB_STEP_SUMMARY });
  if (needsNetworkNamespace(config.cluster, io.env)) {
    const { runInNetworkNamespace } = await import('../cluster/control-plane/run-in-network-namespace.ts');
    return runInNetworkNamespace(argv, config, io.stderr);
  }
  const log = createRunLog(config, (line) => io.stderr.write(`${line}\n`));
  log.info(describeConfig(config));
  log.debug(`resolved config: ${JSON.stringify(config)}`);
  const { prepareRun } = await import('../run/prepare-run.ts');
  const { runSuite } = await import('../runner/run-suite.ts');
  const interrupt = abortOnSignals((code) => process.exit(code));
  try {
    const outcome = await runSuite({
      config,
      tests,
      prepare: prepareRun,
      log,
      out: io.stdout,
      ci: io.env.CI === 'true' || io.env.CI === '1',
      signal: interrupt.signal,
    });
    // After the summary, so the run's results are read first; the exit code stays the run's.
    for (const failure of outcome.reportFailures) io.stderr.write(`error: ${failure}\n`);
    return outcome.exitCode;
  } finally {
    interrupt.dispose();
  }
}

/**
 * The whole CLI as a function: returns the exit code. Bad input and setup failures print one
 * `error: …` line on stderr and return 2 (or the error's own exit code).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr.write(`error: ${describeError(error)}\n`);
    if (io.env.GRPCCONF_VERBOSE === 'true' || argv.includes('--verbose')) {
      io.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    }
    return error instanceof HarnessError ? error.exitCode : 2;
  }
}
