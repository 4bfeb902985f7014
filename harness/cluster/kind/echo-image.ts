import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../runner/project-root.ts';
import { ECHO_IMAGE } from '../../version.ts';
import type { CommandSpec } from './command.ts';

/** The image the fixtures name (docs/architecture.md); building under that tag means no rewrite is needed. */
export const FIXTURE_ECHO_IMAGE = ECHO_IMAGE;

export function buildEchoImage(): CommandSpec {
  return { file: 'docker', args: ['build', '-f', join(PROJECT_ROOT, 'echo-server', 'Dockerfile'), '-t', FIXTURE_ECHO_IMAGE, resolve(PROJECT_ROOT)] };
}

/** A non-latest tag gets imagePullPolicy IfNotPresent, so the loaded image is used and never pulled. */
export function loadEchoImage(clusterName: string): CommandSpec {
  return { file: 'kind', args: ['load', 'docker-image', FIXTURE_ECHO_IMAGE, '--name', clusterName] };
}
