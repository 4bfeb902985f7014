import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { ECHO_DOCKERFILE, NO_ATTESTATIONS } from '../cluster/kind/echo-image.ts';
import { pasteableCommand } from '../cluster/kind/shell-quote.ts';
import type { CommandSpec } from '../cluster/kind/command.ts';
import { HarnessError } from '../errors.ts';
import { PROJECT_ROOT } from '../runner/project-root.ts';
import { ECHO_IMAGE } from '../version.ts';

export interface EchoImagePush {
  /** REGISTRY/NAME:TAG */
  readonly push: string;
  readonly platforms?: readonly string[];
}

/**
 * The commands, in order. One platform (the daemon's): build, then push, so the image stays local
 * too. Several: one buildx build that pushes, since the classic image store cannot hold a
 * multi-platform result.
 */
export function echoImagePushCommands(request: EchoImagePush): CommandSpec[] {
  const build = ['build', ...NO_ATTESTATIONS, '-f', ECHO_DOCKERFILE, '-t', request.push];
  if (request.platforms === undefined) {
    return [
      { file: 'docker', args: [...build, resolve(PROJECT_ROOT)] },
      { file: 'docker', args: ['push', request.push] },
    ];
  }
  return [{ file: 'docker', args: ['buildx', ...build, '--platform', request.platforms.join(','), '--push', resolve(PROJECT_ROOT)] }];
}

/**
 * `echo-image --push REF`: for clusters that cannot reach ghcr.io. Docker's progress goes to
 * stderr; stdout gets only the flag to pass to the run, so a script can capture it.
 */
export async function runEchoImageCommand(
  request: EchoImagePush,
  io: { env: Readonly<Record<string, string | undefined>>; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  if (!existsSync(ECHO_DOCKERFILE)) {
    throw new HarnessError(
      'GRPCCONF_NO_CHECKOUT',
      `echo-image builds from a checkout of the suite and ${ECHO_DOCKERFILE} is not there; copy the published image instead: docker buildx imagetools create --tag ${request.push} ${ECHO_IMAGE}`,
    );
  }
  for (const spec of echoImagePushCommands(request)) await runVisibly(spec, io);
  io.stderr.write(`pushed ${request.push}; run the suite with:\n`);
  io.stdout.write(`--echo-image ${request.push}\n`);
  return 0;
}

async function runVisibly(spec: CommandSpec, io: { env: Readonly<Record<string, string | undefined>>; stderr: NodeJS.WritableStream }): Promise<void> {
  // The CLI's environment (process.env when run for real) is the whole of docker's: DOCKER_HOST, DOCKER_CONFIG and PATH.
  const child = execa(spec.file, [...spec.args], { env: { ...io.env }, extendEnv: false, stdin: 'ignore', all: true, buffer: false, reject: false });
  child.all?.pipe(io.stderr, { end: false });
  const result = await child;
  if (!result.failed) return;
  if ((result.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new HarnessError('GRPCCONF_NO_DOCKER', 'echo-image needs docker on PATH: install Docker (https://docs.docker.com/engine/install/) and make sure this user may use it');
  }
  const how = result.exitCode === undefined ? `was killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.exitCode}`;
  throw new HarnessError('GRPCCONF_COMMAND_FAILED', `${spec.file} ${spec.args[0]} ${how} (its output is above): ${pasteableCommand(spec)}`);
}
