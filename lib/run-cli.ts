import { runCli as runCliWith, type CliIo } from '../harness/cli/run-cli.ts';
import { BUILTIN_SUITE } from './suite.ts';

export type { CliIo };

/** The whole CLI with our tests: returns the exit code (2 and one `error:` line for bad input). */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCliWith(argv, io, BUILTIN_SUITE);
}
