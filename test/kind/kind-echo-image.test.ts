import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommand, type CommandSpec } from '../../harness/cluster/kind/command.ts';
import { provideEchoImage } from '../../harness/cluster/kind/echo-image.ts';
import { createStepLog } from '../../harness/cluster/kind/step-log.ts';
import { PROJECT_ROOT } from '../../harness/runner/project-root.ts';
import { ECHO_IMAGE } from '../../harness/version.ts';
import { FAKE_BIN, fakeToolEnv, readCalls, resetCalls } from './fake-tools.ts';

const INSPECT = 'docker image inspect --format {{.Os}}/{{.Architecture}}';
const FAKE_ENV = ['FAKE_DOCKER_IMAGES', 'FAKE_PULLABLE', 'FAKE_DOCKER_PLATFORM', 'FAKE_FAIL', 'FAKE_BLOCK'];

let dir: string;
let calls: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kind-echo-image-'));
  calls = join(dir, 'calls.jsonl');
  Object.assign(process.env, fakeToolEnv(calls));
});
afterAll(async () => {
  process.env = savedEnv;
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetCalls(calls);
  for (const name of FAKE_ENV) delete process.env[name];
});

async function provide(echoImage?: string): Promise<string[]> {
  const lines: string[] = [];
  const run = (spec: CommandSpec) => runCommand(spec);
  await provideEchoImage({ run, steps: createStepLog((l) => lines.push(l)), signal: new AbortController().signal, clusterName: 'c1', workDir: dir, ...(echoImage ? { echoImage } : {}) });
  return lines;
}

async function recorded(): Promise<string[]> {
  return (await readCalls(calls)).map((c) => c.argv.join(' ').replaceAll(dir, '$DIR').replaceAll(PROJECT_ROOT.replace(/\/$/, ''), '$ROOT'));
}

const loaded = (image: string, platform = 'linux/amd64') => [
  `docker save --platform ${platform} -o $DIR/echo-image.tar ${image}`,
  'kind load image-archive $DIR/echo-image.tar --name c1',
];

describe('the echo image on kind', () => {
  it('uses a local copy of the published image as it is: no pull, no build', async () => {
    process.env.FAKE_DOCKER_IMAGES = ECHO_IMAGE;
    const lines = await provide();
    expect(await recorded()).toEqual([`${INSPECT} ${ECHO_IMAGE}`, ...loaded(ECHO_IMAGE)]);
    expect(lines[0]).toBe(`   echo-server image ${ECHO_IMAGE}: in the local image store (linux/amd64)`);
    expect(lines[1]).toMatch(/^ ✓ Loading the echo-server image into "c1" \(\d+\.\ds\)$/);
    // The archive is some hundred MB on a real host: gone once loaded.
    expect(existsSync(join(dir, 'echo-image.tar'))).toBe(false);
  });

  it('pulls the published image when it is not local, and saves the platform the daemon has', async () => {
    process.env.FAKE_PULLABLE = ECHO_IMAGE;
    process.env.FAKE_DOCKER_PLATFORM = 'linux/arm64';
    const lines = await provide();
    expect(await recorded()).toEqual([`${INSPECT} ${ECHO_IMAGE}`, `docker pull ${ECHO_IMAGE}`, `${INSPECT} ${ECHO_IMAGE}`, ...loaded(ECHO_IMAGE, 'linux/arm64')]);
    expect(lines).toContain(`   echo-server image ${ECHO_IMAGE}: pulled`);
    expect(lines.some((l) => l.includes('Building'))).toBe(false);
  });

  it('builds it from the checkout, without attestations, when it cannot be pulled, and says why', async () => {
    const lines = await provide();
    expect(await recorded()).toEqual([
      `${INSPECT} ${ECHO_IMAGE}`,
      `docker pull ${ECHO_IMAGE}`,
      `docker build --provenance=false --sbom=false -f $ROOT/echo-server/Dockerfile -t ${ECHO_IMAGE} $ROOT`,
      `${INSPECT} ${ECHO_IMAGE}`,
      ...loaded(ECHO_IMAGE),
    ]);
    expect(lines[0]).toBe(
      `   echo-server image ${ECHO_IMAGE} cannot be pulled (Error response from daemon: failed to resolve reference "${ECHO_IMAGE}": ${ECHO_IMAGE}: not found); building it from ${join(PROJECT_ROOT, 'echo-server', 'Dockerfile')}`,
    );
    expect(lines[1]).toMatch(/^ ✓ Building the echo-server image \(\d+\.\ds\)$/);
  });

  it('a failed build fails the step with the command to paste', async () => {
    process.env.FAKE_FAIL = 'docker build';
    const lines: string[] = [];
    const run = (spec: CommandSpec) => runCommand(spec);
    await expect(provideEchoImage({ run, steps: createStepLog((l) => lines.push(l)), signal: new AbortController().signal, clusterName: 'c1', workDir: dir })).rejects.toThrow(
      /^exited with code 1: docker build --provenance=false --sbom=false -f /,
    );
    expect(lines.join('\n')).toMatch(/ ✗ Building the echo-server image \(\d+\.\ds\)\n {3}exited with code 1/);
  });

  it('an abort while pulling is not taken for an unpullable image: it stops there, no build', async () => {
    process.env.FAKE_BLOCK = 'docker pull';
    const controller = new AbortController();
    const run = (spec: CommandSpec) => runCommand(spec, controller.signal);
    const providing = provideEchoImage({ run, steps: createStepLog(() => {}), signal: controller.signal, clusterName: 'c1', workDir: dir });
    // Abort once the fake pull has recorded its call, i.e. is running.
    while (!(await recorded()).includes(`docker pull ${ECHO_IMAGE}`)) await new Promise((r) => setImmediate(r));
    controller.abort(new Error('interrupted by SIGINT'));
    await expect(providing).rejects.toThrow('interrupted by SIGINT');
    expect(await recorded()).toEqual([`${INSPECT} ${ECHO_IMAGE}`, `docker pull ${ECHO_IMAGE}`]);
  });

  it('--echo-image that is local is loaded the same way', async () => {
    process.env.FAKE_DOCKER_IMAGES = 'registry.example/echo:dev';
    await provide('registry.example/echo:dev');
    expect(await recorded()).toEqual([`${INSPECT} registry.example/echo:dev`, ...loaded('registry.example/echo:dev')]);
  });

  it('--echo-image that is not local is left for the cluster to pull', async () => {
    const lines = await provide('registry.example/echo:1');
    expect(await recorded()).toEqual([`${INSPECT} registry.example/echo:1`]);
    expect(lines).toEqual(['   echo-server image registry.example/echo:1 (--echo-image): not in the local image store, so the cluster pulls it']);
  });
});

describe('the fake docker and kind know the documented flags', () => {
  const fake = (tool: string, args: string[]) => execa(join(FAKE_BIN, tool), args, { reject: false, env: { FAKE_CALLS: calls } });

  it.each([
    ['docker', ['save', '--plaform', 'linux/amd64', '-o', 'x.tar', 'img'], '--plaform'],
    ['docker', ['build', '--provenance=false', '--no-sbom', '-t', 'img', '.'], '--no-sbom'],
    ['docker', ['image', 'inspect', '--output', 'json', 'img'], '--output'],
    ['docker', ['pull', '--tag', 'img'], '--tag'],
    ['kind', ['load', 'image-archive', 'x.tar', '--cluster', 'c1'], '--cluster'],
  ])('%s %j fails on %s, as the real one would', async (tool, args, flag) => {
    const result = await fake(tool, args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`unknown flag: ${flag}`);
  });
});
