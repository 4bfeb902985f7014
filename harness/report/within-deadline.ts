import { OutputPathError } from './fs-reason.ts';

/**
 * Waits for `work` at most `ms`. A file-system call can block in the thread pool (a hung network
 * mount, a pipe); giving up on it keeps the run able to print its results and exit.
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutputPathError(`${what}: no answer from the file system within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
