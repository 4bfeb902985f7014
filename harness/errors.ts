/**
 * A failure the harness can explain: bad input, a setup step that could not complete, an
 * unreachable cluster. `code` is stable (GRPCCONF_…) so scripts can match on it; `exitCode` is
 * what the CLI exits with (2 = bad input or setup failure).
 */
export class HarnessError extends Error {
  readonly code: string;
  readonly exitCode: number;
  /** Structured facts about what was being attempted (resource, attempts, last state, …). */
  readonly context?: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options?: { exitCode?: number; cause?: unknown; context?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HarnessError';
    this.code = code;
    this.exitCode = options?.exitCode ?? 2;
    if (options?.context) this.context = Object.freeze({ ...options.context });
  }
}

/** Bad command-line input, environment variable or options file: exit 2, nothing created. */
export class ConfigError extends HarnessError {
  constructor(message: string, options?: { cause?: unknown; context?: Record<string, unknown> }) {
    super('GRPCCONF_BAD_CONFIG', message, { ...options, exitCode: 2 });
    this.name = 'ConfigError';
  }
}

/** The run was interrupted by a signal; exit 128 + signal number, like a shell. */
export class InterruptedError extends HarnessError {
  constructor(signal: 'SIGINT' | 'SIGTERM') {
    super('GRPCCONF_INTERRUPTED', `interrupted by ${signal}`, { exitCode: signal === 'SIGINT' ? 130 : 143 });
    this.name = 'InterruptedError';
  }
}

/** One line for stderr: the message, without a stack; the cause's message when it adds something. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  const line = cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
  return line.replace(/\s*\n\s*/g, ' ');
}
