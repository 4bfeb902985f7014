import { resolve } from 'node:path';
import { resolveRun, runConformanceWith, type ConformanceSuite } from '../api/run-conformance.ts';
import { describeError, HarnessError } from '../errors.ts';
import { needsNetworkNamespace } from '../cluster/control-plane/launcher-env.ts';
import { renderHelp } from './help.ts';
import { abortOnSignals } from './interrupt.ts';
import { renderList } from './list-command.ts';
import { parseArgv } from './parse-argv.ts';
import { renderVersion } from './version-command.ts';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

async function run(argv: readonly string[], io: CliIo, suite: ConformanceSuite): Promise<number> {
  const args = parseArgv(argv);
  if (args.command === 'help') {
    io.stdout.write(renderHelp());
    return 0;
  }
  if (args.command === 'version') {
    io.stdout.write(renderVersion());
    return 0;
  }
  if (args.command === 'list') {
    io.stdout.write(renderList(suite.builtinTests, args.json, args.flags.gatewayApiVersion));
    return 0;
  }
  if (args.command === 'echo-image') {
    const { runEchoImageCommand } = await import('./echo-image-command.ts');
    return runEchoImageCommand({ push: args.push, ...(args.platforms ? { platforms: args.platforms } : {}) }, io);
  }
  if (args.command === 'embedded') {
    const { runEmbeddedStandalone } = await import('../cluster/embedded-standalone.ts');
    await runEmbeddedStandalone({ kubeconfigOut: resolve(io.cwd, args.kubeconfigOut), referenceGateway: args.referenceGateway });
    return 0;
  }
  // The flags the user set are the library's highest layer, so the CLI and runConformance agree.
  const options = { config: args.flags, env: io.env, cwd: io.cwd, out: io.stdout, log: (line: string) => io.stderr.write(`${line}\n`) };
  const resolved = await resolveRun(suite, options);
  if (needsNetworkNamespace(resolved.config.cluster, io.env)) {
    const { runInNetworkNamespace } = await import('../cluster/control-plane/run-in-network-namespace.ts');
    return runInNetworkNamespace(argv, resolved.config, io.stderr);
  }
  const interrupt = abortOnSignals((code) => process.exit(code));
  try {
    const ci = io.env.CI === 'true' || io.env.CI === '1';
    const outcome = await runConformanceWith(suite, { ...options, progress: !ci, signal: interrupt.signal }, resolved);
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
export async function runCli(argv: readonly string[], io: CliIo, suite: ConformanceSuite): Promise<number> {
  try {
    return await run(argv, io, suite);
  } catch (error) {
    io.stderr.write(`error: ${describeError(error)}\n`);
    if (io.env.GRPCCONF_VERBOSE === 'true' || argv.includes('--verbose')) {
      io.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    }
    return error instanceof HarnessError ? error.exitCode : 2;
  }
}
