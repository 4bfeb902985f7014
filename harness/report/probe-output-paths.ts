import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appendWithinDeadline } from './append-bounded.ts';
import { temporaryNameFor, writeFilesAtomically } from './atomic-files.ts';
import { fsReason, OutputPathError } from './fs-reason.ts';
import { ensureFolder, foldersCreatedBefore, removeCreatedFolders } from './ensure-folder.ts';
import { sweepStaleTemporaries } from './sweep-stale-temporaries.ts';
import { withinDeadline } from './within-deadline.ts';

/** Long enough for a slow disk, short enough that a hung mount is reported, not waited out. */
export const PROBE_DEADLINE_MS = 5_000;

/**
 * A page of real bytes: creating an empty file succeeds on a full file system, writing does not,
 * so this catches a disk that is already full. It cannot promise room for the reports themselves.
 */
const PROBE_BYTES = randomBytes(2048).toString('hex');

/**
 * Proves the report folder usable the way the reports will use it: the folder is created if
 * needed, a file is written, flushed, renamed into place and removed; temporary files of runs
 * killed mid-write are swept. Folders it made are
 * removed again (the reports make them at the end), so a run refused later leaves nothing.
 * Throws OutputPathError.
 */
export async function probeReportFolder(dir: string): Promise<void> {
  await withinDeadline(
    (async () => {
      let created: readonly string[] = [];
      try {
        created = await ensureFolder(dir);
        await sweepStaleTemporaries(dir);
        const probe = temporaryNameFor(join(dir, 'write-probe'));
        try {
          await writeFilesAtomically([[probe, PROBE_BYTES]]);
        } catch (error) {
          // The probe's own name means nothing to the user; the reason does.
          throw new OutputPathError(`cannot write a file there: ${fsReason((error as Error).cause ?? error)}`, { cause: error });
        } finally {
          await rm(probe, { force: true }).catch(() => undefined);
        }
      } catch (error) {
        if (created.length === 0) created = foldersCreatedBefore(error);
        throw error;
      } finally {
        await removeCreatedFolders(created);
      }
    })(),
    PROBE_DEADLINE_MS,
    `checking ${dir}`,
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Proves `path` can be appended to (as $GITHUB_STEP_SUMMARY will be); leaves no file it created. */
export async function probeAppendTarget(path: string): Promise<void> {
  const existed = await exists(path);
  try {
    await appendWithinDeadline(path, '', PROBE_DEADLINE_MS);
  } finally {
    if (!existed) await rm(path, { force: true }).catch(() => undefined);
  }
}
