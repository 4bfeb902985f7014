import type { Writable } from 'node:stream';
import { createVitest } from 'vitest/node';
import type { ResolvedConfig } from '../config/types.ts';
import type { RunFacts } from '../run/facts.ts';
import { ConformanceReporter } from './conformance-reporter.ts';
import type { ConformanceTest } from './conformance-test.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { ADAPTER_FILE, PROJECT_ROOT } from './project-root.ts';
import type { TestResult } from './results.ts';
import './provided-context.ts';

export interface VitestRunOptions {
  readonly config: ResolvedConfig;
  readonly facts: RunFacts;
  readonly tests: readonly ConformanceTest[];
  /** File URLs of modules whose tests the worker loads beside the built-in ones. */
  readonly testModules?: readonly string[];
  /** The adapter file, relative to the project root; tests of the runner pass their own. */
  readonly testFile?: string;
  readonly root?: string;
  /** Live progress off (CI or --quiet). */
  readonly silentProgress: boolean;
  /** Cancels the run: running tests see their signal aborted, queued ones never start. */
  readonly signal?: AbortSignal;
  /** Where Vitest's own messages go (unexpected errors); our reporters print everything else. */
  readonly vitestOutput?: Writable;
}

export interface VitestRunOutcome {
  readonly recorded: ReadonlyMap<string, TestResult>;
  readonly runErrors: readonly string[];
  /** Tests with no adapter record (their worker died); on an interrupted run they count as not run. */
  readonly unrecorded: ReadonlySet<string>;
}

/** Every module under `root` (Vite matches a string as a package name, hence the RegExp). */
function underRoot(root: string): RegExp {
  return new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/**
 * Runs the adapter file through Vitest's Node API with a config built here: one worker (tests are
 * I/O bound and run concurrently inside it), our reporters only, facts handed over by `provide`.
 */
export async function runVitest(options: VitestRunOptions): Promise<VitestRunOutcome> {
  const conformance = new ConformanceReporter(options.tests);
  const progress = new ProgressReporter(options.tests, { silent: options.silentProgress, verbose: options.config.verbose });
  const output = options.vitestOutput ?? process.stderr;
  // Vitest's logger exits the process on SIGINT/SIGTERM; a run must tear down first, so the
  // CLI's own handler (which cancels through `signal`) stays the only one. Vitest adds its handler
  // while it is being created, so remove each one as soon as it is added: a Ctrl-C in that window
  // would otherwise skip cleanup.
  const dropVitestSignalHandler = (event: string | symbol, listener: (...args: unknown[]) => void): void => {
    if (event === 'SIGINT' || event === 'SIGTERM') queueMicrotask(() => process.off(event, listener));
  };
  process.on('newListener', dropVitestSignalHandler);
  const vitest = await createVitest(
    'test',
    {
      config: false,
      root: options.root ?? PROJECT_ROOT,
      include: [options.testFile ?? ADAPTER_FILE],
      // Installed from npm, the adapter lives under node_modules/, which Vitest excludes by default.
      exclude: [],
      // Installed, our JavaScript would go to Node untransformed, and so would its import of a
      // caller's .ts test module; through Vite it loads on every Node version.
      ...(options.testModules?.length ? { server: { deps: { inline: [underRoot(PROJECT_ROOT)] } } } : {}),
      watch: false,
      pool: 'forks',
      maxWorkers: 1,
      fileParallelism: false,
      maxConcurrency: 16,
      provide: {
        conformance: {
          config: options.config,
          facts: options.facts,
          testModules: [...(options.testModules ?? [])],
          testNames: options.tests.map((t) => t.name),
        },
      },
      reporters: [conformance, progress],
      // Each test enforces its own deadline; this only catches a hung worker.
      testTimeout: 0,
      hookTimeout: 60_000,
      passWithNoTests: true,
    },
    {},
    { stdout: output, stderr: output },
  ).catch((error: unknown) => {
    process.off('newListener', dropVitestSignalHandler);
    throw error;
  });
  const onAbort = () => void vitest.cancelCurrentRun('keyboard-input');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (!options.signal?.aborted) await vitest.start();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await vitest.close();
    process.off('newListener', dropVitestSignalHandler);
  }
  return { recorded: conformance.recorded, runErrors: conformance.runErrors, unrecorded: conformance.unrecorded };
}
