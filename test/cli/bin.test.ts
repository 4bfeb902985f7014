import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/grpcroute-conformance.js', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-bin-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[]) {
  // cwd is a scratch dir so a run that wrongly got past validation would leave reports there.
  return execa('node', [BIN, ...args], { cwd: dir, reject: false, env: { CI: 'true' }, timeout: 20_000 });
}

// Spawning costs a second or two each, so only the process-level contract is checked here;
// the other bad inputs go through runCli in run-cli.test.ts.
describe('grpcroute-conformance (spawned)', () => {
  it('bad input exits 2 with exactly one line on stderr; list --json prints the documented shape', async () => {
    const [bad, list] = await Promise.all([cli(['--gatway-class', 'x']), cli(['list', '--json'])]);

    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('error: unknown flag --gatway-class (did you mean --gateway-class?); see --help');
    expect(bad.stdout).toBe('');
    expect(await readdir(dir)).toEqual([]);

    expect(list.exitCode, list.stderr).toBe(0);
    const listed = JSON.parse(list.stdout) as unknown[];
    expect(Array.isArray(listed)).toBe(true);
    for (const entry of listed) {
      // upstreamSince and upstreamUntil appear only on upstream-named tests with a release window.
      expect(Object.keys(entry as object).filter((k) => k !== 'upstreamSince' && k !== 'upstreamUntil').sort()).toEqual(['description', 'features', 'level', 'name', 'profiles', 'provisional', 'specRefs']);
      expect(['core', 'extended', 'implementation-specific']).toContain((entry as { level: string }).level);
    }
  });
});
