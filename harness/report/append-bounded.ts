import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { fsReason, OutputPathError } from './fs-reason.ts';
import { withinDeadline } from './within-deadline.ts';

/** O_NONBLOCK: a pipe nobody reads would otherwise block the open for ever. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK;

/** What to append, or how to derive it from the file's size before (to keep the file under a cap). */
export type AppendContent = string | ((sizeBefore: number) => string);

async function append(path: string, contentOrFit: AppendContent): Promise<void> {
  const handle = await open(path, APPEND_FLAGS, 0o644);
  try {
    const before = await handle.stat();
    // GitHub's step summary is a plain file; a pipe or device there would block or swallow it.
    if (!before.isFile()) throw new OutputPathError(`cannot append to ${path}: not a regular file`);
    const content = typeof contentOrFit === 'string' ? contentOrFit : contentOrFit(before.size);
    try {
      if (content.length > 0) await handle.appendFile(content, 'utf8');
    } catch (error) {
      // Half a summary glued to the next step's output is worse than none: cut it back.
      await handle.truncate(before.size).catch(() => undefined);
      throw error;
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Appends `content` to `path` (another step's file: appending, not replacing, is the contract),
 * in bounded time. An empty `content` only checks that the file can be appended to.
 */
export async function appendWithinDeadline(path: string, content: AppendContent, deadlineMs: number): Promise<void> {
  try {
    await withinDeadline(append(path, content), deadlineMs, `appending to ${path}`);
  } catch (error) {
    if (error instanceof OutputPathError) throw error;
    throw new OutputPathError(`cannot append to ${path}: ${fsReason(error)}`, { cause: error });
  }
}
