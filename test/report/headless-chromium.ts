import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

/** Debian's chromium (scripts/install-chromium.sh); the tests install nothing themselves. */
export const CHROMIUM = process.env.GRPCCONF_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--hide-scrollbars',
  '--disable-breakpad',
  '--disable-crash-reporter',
];

async function withProfile<T>(use: (profileDir: string) => Promise<T>): Promise<T> {
  const profileDir = await mkdtemp(join(tmpdir(), 'grpcconf-chromium-'));
  try {
    return await use(profileDir);
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}

const run = (args: string[]) =>
  execa(CHROMIUM, args, { timeout: 60_000, forceKillAfterDelay: 2_000, stdin: 'ignore', env: { HOME: tmpdir() } });

/** The DOM of a local file after its scripts ran, serialised by Chromium. */
export async function dumpDom(file: string): Promise<string> {
  return withProfile(async (profileDir) => {
    const { stdout } = await run([...FLAGS, `--user-data-dir=${profileDir}`, '--dump-dom', pathToFileURL(file).href]);
    return stdout;
  });
}

/** Renders a local file to a PNG of the given window size. */
export async function screenshot(file: string, png: string, size = { width: 1280, height: 2400 }): Promise<void> {
  await withProfile(async (profileDir) => {
    await run([...FLAGS, `--user-data-dir=${profileDir}`, `--window-size=${size.width},${size.height}`, `--screenshot=${png}`, pathToFileURL(file).href]);
  });
}
