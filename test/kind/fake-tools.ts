import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The directory holding the fake kind, docker, kubectl and cloud-provider-kind. */
export const FAKE_BIN = join(import.meta.dirname, 'fake-bin');

export interface RecordedCall {
  readonly argv: readonly string[];
  readonly stdin?: string;
}

/** Environment that puts the fakes first on PATH and tells them where to record. */
export function fakeToolEnv(callsFile: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: `${FAKE_BIN}:${process.env.PATH ?? ''}`, FAKE_CALLS: callsFile, ...extra };
}

export async function readCalls(callsFile: string): Promise<RecordedCall[]> {
  const text = await readFile(callsFile, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RecordedCall);
}

/** Also forgets the images the fake docker pulled or built. */
export async function resetCalls(callsFile: string): Promise<void> {
  await writeFile(callsFile, '');
  await rm(`${callsFile}.images`, { force: true });
  await rm(`${callsFile}.webhook`, { force: true });
}
