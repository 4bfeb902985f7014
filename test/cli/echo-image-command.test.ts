import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/run-cli.ts';
import { renderHelp } from '../../harness/cli/help.ts';
import { PROJECT_ROOT } from '../../harness/runner/project-root.ts';
import { fakeToolEnv, readCalls, resetCalls } from '../kind/fake-tools.ts';

let dir: string;
let calls: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-echo-image-'));
  calls = join(dir, 'calls.jsonl');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => resetCalls(calls));

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

async function cli(argv: string[], env: Record<string, string> = fakeToolEnv(calls)) {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(['echo-image', ...argv], { env, cwd: dir, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function recorded(): Promise<string[]> {
  return (await readCalls(calls)).map((c) => c.argv.join(' ').replaceAll(PROJECT_ROOT.replace(/\/$/, ''), '$ROOT'));
}

const BUILD = 'build --provenance=false --sbom=false -f $ROOT/echo-server/Dockerfile -t registry.example/echo-server:v1';

describe('echo-image --push', () => {
  it('builds for the daemon\'s platform, pushes, and prints only the flag to use on stdout', async () => {
    const result = await cli(['--push', 'registry.example/echo-server:v1']);
    expect(result.code).toBe(0);
    expect(await recorded()).toEqual([`docker ${BUILD} $ROOT`, 'docker push registry.example/echo-server:v1']);
    expect(result.stdout).toBe('--echo-image registry.example/echo-server:v1\n');
    // Docker's own progress reaches the user, on stderr.
    expect(result.stderr).toContain('#12 naming to registry.example/echo-server:v1 done');
    expect(result.stderr).toContain('The push refers to repository [registry.example/echo-server]');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('pushed registry.example/echo-server:v1; run the suite with:');
  });

  it('--platform builds every platform in one buildx build that pushes', async () => {
    const result = await cli(['--push', 'registry.example:5000/team/echo-server:v1', '--platform', 'linux/amd64,linux/arm64']);
    expect(result.code).toBe(0);
    expect(await recorded()).toEqual([
      'docker buildx build --provenance=false --sbom=false -f $ROOT/echo-server/Dockerfile -t registry.example:5000/team/echo-server:v1 --platform linux/amd64,linux/arm64 --push $ROOT',
    ]);
    expect(result.stdout).toBe('--echo-image registry.example:5000/team/echo-server:v1\n');
  });

  it('a failed build stops before the push, exit 2, one error line naming the command', async () => {
    const result = await cli(['--push', 'registry.example/echo-server:v1'], fakeToolEnv(calls, { FAKE_FAIL: 'docker build' }));
    expect(result.code).toBe(2);
    expect(await recorded()).toEqual([`docker ${BUILD} $ROOT`]);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.replaceAll(PROJECT_ROOT.replace(/\/$/, ''), '$ROOT'));
    expect(errors).toEqual([`error: docker build exited with code 1 (its output is above): docker ${BUILD} $ROOT`]);
    expect(result.stdout).toBe('');
  });

  it.each([
    [[], 'error: echo-image needs --push REGISTRY/NAME:TAG (where to push the image), e.g. --push registry.example/echo-server:v1'],
    [['--push'], 'error: --push needs a value; see --help'],
    [['--push', 'registry.example/echo-server'], 'error: echo-image --push "registry.example/echo-server" is not a lowercase image reference with a tag (REGISTRY/NAME:TAG), e.g. --push registry.example/echo-server:v1'],
    [['--push', 'Registry.example/Echo:v1'], 'error: echo-image --push "Registry.example/Echo:v1" is not a lowercase image reference with a tag (REGISTRY/NAME:TAG), e.g. --push registry.example/echo-server:v1'],
    [['--push', 'r.example/e:v1', '--platform', 'amd64'], 'error: echo-image --platform: "amd64" is not OS/ARCH[/VARIANT]; use a comma list such as linux/amd64,linux/arm64'],
    [['--push', 'r.example/e:v1', '--cluster', 'kind'], 'error: echo-image takes only --push and --platform, not --cluster; see --help'],
    [['--platform', 'linux/amd64'], 'error: echo-image needs --push REGISTRY/NAME:TAG (where to push the image), e.g. --push registry.example/echo-server:v1'],
  ])('%j is bad input: exit 2, one line, docker never run', async (argv, line) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${line}\n`);
    expect(result.stdout).toBe('');
    expect(await recorded()).toEqual([]);
  });

  it('without docker on PATH: exit 2 and one line saying to install it', async () => {
    // Only node's own directory: the fake docker is not on it, and neither is a real one.
    const result = await cli(['--push', 'registry.example/echo-server:v1'], { PATH: dirname(process.execPath), FAKE_CALLS: calls });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: echo-image needs docker on PATH: install Docker (https://docs.docker.com/engine/install/) and make sure this user may use it\n');
    expect(await readdir(dir)).toEqual(['calls.jsonl']);
  });

  it('--push belongs to echo-image, and --help shows it', async () => {
    const stderr = capture();
    expect(await runCli(['--push', 'r.example/e:v1'], { env: {}, cwd: dir, stdout: capture().stream, stderr: stderr.stream })).toBe(2);
    expect(stderr.text()).toBe('error: --push belongs to the `echo-image` subcommand; see --help\n');
    expect(renderHelp()).toContain('grpcroute-conformance echo-image --push REGISTRY/NAME:TAG [--platform LIST]');
    expect(renderHelp()).toContain('echo-image options:\n  --push REGISTRY/NAME:TAG');
  });
});
