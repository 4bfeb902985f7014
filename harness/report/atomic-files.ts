import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsReason, OutputPathError } from './fs-reason.ts';

/** A hidden name beside the target, so a crash leaves `.junit.xml.<pid>.<hex>.tmp`, never a short `junit.xml`. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes and flushes `content` to a new file; removes it again if anything fails. */
async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    // Without the flush a crash after the rename can leave an empty file under the final name.
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes every file to a temporary name first and renames them only when all were written, so
 * the folder has either the whole new set or what it had before: never a mix, never a half file.
 */
export async function writeFilesAtomically(files: readonly (readonly [path: string, content: string])[]): Promise<void> {
  const staged: [temporary: string, path: string][] = [];
  try {
    for (const [path, content] of files) {
      const temporary = temporaryNameFor(path);
      try {
        await writeDurably(temporary, content);
      } catch (error) {
        throw new OutputPathError(`cannot write ${path}: ${fsReason(error)}`, { cause: error });
      }
      staged.push([temporary, path]);
    }
    while (staged.length > 0) {
      const [temporary, path] = staged[0]!;
      try {
        await rename(temporary, path);
        staged.shift();
      } catch (error) {
        throw new OutputPathError(`cannot write ${path}: ${fsReason(error)}`, { cause: error });
      }
    }
  } finally {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true }).catch(() => undefined)));
  }
}
