import { setMaxListeners } from 'node:events';
import { InterruptedError } from '../errors.ts';
import { leftBehindNotice } from '../run/left-behind.ts';

/**
 * Turns the first SIGINT/SIGTERM into an aborted signal (so the run stops and tears down);
 * a second one exits at once.
 */
export function abortOnSignals(onForcedExit: (code: number) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  // Every concurrent waiter of the run listens to this one signal; dozens are normal, not a leak.
  setMaxListeners(0, controller.signal);
  const handler = (name: 'SIGINT' | 'SIGTERM') => {
    const error = new InterruptedError(name);
    if (controller.signal.aborted) {
      // No cleanup can run any more: say exactly what stays and how to remove it.
      const notice = leftBehindNotice();
      process.stderr.write(`${name} again: exiting without cleanup${notice ? `; ${notice}` : ''}\n`);
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
