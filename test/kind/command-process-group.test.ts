import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCommand } from '../../harness/cluster/kind/command.ts';
import { InterruptedError } from '../../harness/errors.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'process-group-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function until(condition: () => boolean, deadlineMs: number, what: string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('an abort kills the install shell and the programs it started (a helm under sh -c)', async () => {
  const pidFile = join(dir, 'grandchild.pid');
  // The grandchild ignores nothing: it dies only if the signal reaches its process group.
  const script = `node -e "setInterval(() => {}, 60000)" & echo $! > ${pidFile}; wait`;
  const controller = new AbortController();
  const running = runCommand({ file: 'sh', args: ['-c', script], processGroup: true }, controller.signal);
  await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 10_000, 'the grandchild');
  const grandchild = Number(readFileSync(pidFile, 'utf8'));
  expect(alive(grandchild)).toBe(true);

  controller.abort(new InterruptedError('SIGINT'));
  await expect(running).rejects.toBeInstanceOf(InterruptedError);
  await until(() => !alive(grandchild), 10_000, 'the grandchild to die');
});
