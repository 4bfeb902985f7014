import { InterruptedError } from '../errors.ts';

/**
 * Turns the first SIGINT/SIGTERM into an aborted signal (so the run stops and tears down);
 * a second one exits at once.
 */
export function abortOnSignals(onForcedExit: (code: number) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: 'SIGINT' | 'SIGTERM') => {
    const error = new InterruptedError(name);
    if (controller.signal.aborted) {
      onForcedExit(error.exitCode);
      return;
    }
    process.stderr.write(`${name}: stopping the run and cleaning up (send again to exit at once)\n`);
    controller.abort(error);
  };
  const onInt = () => handler('SIGINT');
  const onTerm = () => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
