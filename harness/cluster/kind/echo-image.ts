import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../runner/project-root.ts';
import { ECHO_IMAGE } from '../../version.ts';
import { CommandFailedError, type CommandSpec } from './command.ts';
import type { StepLog } from './step-log.ts';

/** The image the fixtures name (docs/echo-image.md); a kind cluster gets it under that tag, so no rewrite is needed. */
export const FIXTURE_ECHO_IMAGE = ECHO_IMAGE;

export const ECHO_DOCKERFILE = join(PROJECT_ROOT, 'echo-server', 'Dockerfile');

/**
 * Attestation manifests are left out: `docker save` under the containerd image store can write an
 * archive naming one it lacks, which `kind load` then fails to import (kind#4236).
 */
export const NO_ATTESTATIONS = ['--provenance=false', '--sbom=false'] as const;

export function buildEchoImage(tag: string = FIXTURE_ECHO_IMAGE): CommandSpec {
  return { file: 'docker', args: ['build', ...NO_ATTESTATIONS, '-f', ECHO_DOCKERFILE, '-t', tag, resolve(PROJECT_ROOT)] };
}

/** Succeeds, printing e.g. `linux/arm64`, only when the image is in the local image store. */
export function inspectImagePlatform(image: string): CommandSpec {
  return { file: 'docker', args: ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', image] };
}

export function pullImage(image: string): CommandSpec {
  return { file: 'docker', args: ['pull', image] };
}

/**
 * One platform only, to a file, then `kind load image-archive`: `kind load docker-image` fails under
 * Docker 29's containerd image store (kind#3795), and this is the workaround kind documents (kind#4247).
 */
export function saveImage(image: string, platform: string, archive: string): CommandSpec {
  return { file: 'docker', args: ['save', '--platform', platform, '-o', archive, image] };
}

/** A non-latest tag gets imagePullPolicy IfNotPresent, so the loaded image is used and never pulled. */
export function loadImageArchive(archive: string, clusterName: string): CommandSpec {
  return { file: 'kind', args: ['load', 'image-archive', archive, '--name', clusterName] };
}

export interface EchoImageContext {
  readonly run: (spec: CommandSpec) => Promise<string>;
  readonly steps: StepLog;
  readonly signal: AbortSignal;
  readonly clusterName: string;
  /** Where the image archive is written (and removed again once loaded). */
  readonly workDir: string;
  /** `--echo-image`, when given. */
  readonly echoImage?: string;
}

/**
 * Gets the echo image into the kind cluster. Ours: the local copy, else the published one, else a
 * build from this checkout. `--echo-image`: loaded when it is local, otherwise left for the nodes to pull.
 */
export async function provideEchoImage(context: EchoImageContext): Promise<void> {
  const { steps, echoImage } = context;
  if (echoImage !== undefined) {
    const platform = await localPlatform(context, echoImage);
    if (platform === undefined) {
      steps.detail(`echo-server image ${echoImage} (--echo-image): not in the local image store, so the cluster pulls it`);
      return;
    }
    await loadIntoCluster(context, echoImage, platform);
    return;
  }
  const platform = (await localPlatform(context, FIXTURE_ECHO_IMAGE)) ?? (await pulledPlatform(context)) ?? (await builtPlatform(context));
  await loadIntoCluster(context, FIXTURE_ECHO_IMAGE, platform);
}

async function localPlatform(context: EchoImageContext, image: string): Promise<string | undefined> {
  const output = await attempt(context, inspectImagePlatform(image));
  if (output === undefined) return undefined;
  context.steps.detail(`echo-server image ${image}: in the local image store (${output.trim()})`);
  return output.trim();
}

async function pulledPlatform(context: EchoImageContext): Promise<string | undefined> {
  const image = FIXTURE_ECHO_IMAGE;
  const started = await attempt(context, pullImage(image), (why) =>
    context.steps.detail(`echo-server image ${image} cannot be pulled (${why}); building it from ${ECHO_DOCKERFILE}`),
  );
  if (started === undefined) return undefined;
  context.steps.detail(`echo-server image ${image}: pulled`);
  return inspectedPlatform(context, image);
}

async function builtPlatform(context: EchoImageContext): Promise<string> {
  await context.steps.step('Building the echo-server image', () => context.run(buildEchoImage()));
  return inspectedPlatform(context, FIXTURE_ECHO_IMAGE);
}

async function inspectedPlatform(context: EchoImageContext, image: string): Promise<string> {
  return (await context.run(inspectImagePlatform(image))).trim();
}

async function loadIntoCluster(context: EchoImageContext, image: string, platform: string): Promise<void> {
  const archive = join(context.workDir, 'echo-image.tar');
  await context.steps.step(`Loading the echo-server image into "${context.clusterName}"`, async () => {
    await context.run(saveImage(image, platform, archive));
    await context.run(loadImageArchive(archive, context.clusterName));
  });
  // Some hundred MB: not worth keeping until the work directory goes.
  await rm(archive, { force: true });
}

/** The command's stdout, or undefined when it failed; an abort is never swallowed. */
async function attempt(context: EchoImageContext, spec: CommandSpec, onFailure?: (why: string) => void): Promise<string | undefined> {
  try {
    return await context.run(spec);
  } catch (error) {
    if (context.signal.aborted || !(error instanceof CommandFailedError)) throw error;
    onFailure?.(lastLine(error.output) ?? error.message);
    return undefined;
  }
}

function lastLine(output: string): string | undefined {
  return output.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
}
