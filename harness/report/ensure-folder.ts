import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsReason, OutputPathError } from './fs-reason.ts';

async function kindOf(path: string): Promise<'folder' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as { code?: string }).code;
    // ENOTDIR: a parent is a file; walking up finds and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new OutputPathError(`${path}: ${fsReason(error)}`, { cause: error });
  }
}

/**
 * Creates `dir` and its missing parents, one level at a time. Not `mkdir({ recursive: true })`:
 * on /proc that loops for ever (mkdir says ENOENT, the parent exists, Node retries the child).
 * Returns the folders it created, parents first; throws OutputPathError naming the part of the
 * path that is the problem.
 */
export async function ensureFolder(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let path = dir;
  for (;;) {
    const kind = await kindOf(path);
    if (kind === 'folder') break;
    if (kind === 'other') throw new OutputPathError(`${path} is a file, not a folder`);
    missing.unshift(path);
    const parent = dirname(path);
    if (parent === path) break;
    path = parent;
  }
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
      created.push(folder);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST' && (await kindOf(folder)) === 'folder') continue;
      // The parent exists (made or found just before), so ENOENT means this file system refuses new folders.
      const reason = code === 'ENOENT' ? `${dirname(folder)} does not allow new folders (ENOENT)` : `cannot create ${folder}: ${fsReason(error)}`;
      throw Object.assign(new OutputPathError(reason, { cause: error }), { created });
    }
  }
  return created;
}

/** The folders ensureFolder had created before it failed, so a caller can remove them again. */
export function foldersCreatedBefore(error: unknown): readonly string[] {
  return (error as { created?: string[] } | null)?.created ?? [];
}

/** Removes folders ensureFolder created (deepest first) if they are still empty; never throws. */
export async function removeCreatedFolders(created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) await rmdir(folder).catch(() => undefined);
}
