import { ECHO_IMAGE_REPOSITORY as OUR_ECHO_REPOSITORY } from '../../echo-server/src/image-name.ts';

/** True for our echo server image (any tag) and for any image whose repository ends in `echo-basic`. */
export function isEchoImage(image: string | undefined): boolean {
  if (!image) return false;
  const repository = image.split('@')[0]!.replace(/:[^/:]*$/, '');
  return repository === OUR_ECHO_REPOSITORY || repository.endsWith('echo-basic');
}

export const ECHO_IMAGE_ONLY_MESSAGE =
  `this node agent only runs the echo server image (${OUR_ECHO_REPOSITORY}:* or an image whose repository ends in echo-basic), in-process`;
