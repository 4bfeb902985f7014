/** Where log lines go; one call per line, no trailing newline. */
export type LogSink = (line: string) => void;

/** Returns a logger that prefixes every line with an ISO timestamp and `[name]`. */
export function createPrefixedLog(name: string, sink: LogSink, now: () => Date = () => new Date()): (message: string) => void {
  return (message) => {
    for (const line of message.split('\n')) sink(`${now().toISOString()} [${name}] ${line}`);
  };
}

/** The run-level console: `info` is hidden by --quiet, `debug` is shown only with --verbose. */
export interface RunLog {
  info(line: string): void;
  debug(line: string): void;
  warn(line: string): void;
}

export function createRunLog(
  options: { quiet: boolean; verbose: boolean },
  out: LogSink = (l) => process.stderr.write(`${l}\n`),
): RunLog {
  return {
    info: (line) => {
      if (!options.quiet) out(line);
    },
    debug: (line) => {
      if (options.verbose) out(line);
    },
    warn: (line) => out(`warning: ${line}`),
  };
}
