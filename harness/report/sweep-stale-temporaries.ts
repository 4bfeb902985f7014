import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** `.junit.xml.1234.9f3a01bc.tmp`: the hidden name temporaryNameFor gives, with the writer's pid. */
const TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary report files whose writer is gone (a run killed mid-write); a live writer's,
 * another run writing into the same folder right now, are left alone. Never throws.
 */
export async function sweepStaleTemporaries(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    return pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid));
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)));
  return stale;
}
