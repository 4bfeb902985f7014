const OUR_ECHO_REPOSITORY = 'ghcr.io/grpcroute-conformance/echo-server';

/** True for our echo server image (any tag) and for any image whose repository ends in `echo-basic`. */
export function isEchoImage(image: string | undefined): boolean {
  if (!image) return false;
  const repository = image.split('@')[0]!.replace(/:[^/:]*$/, '');
  return repository === OUR_ECHO_REPOSITORY || repository.endsWith('echo-basic');
}

export const ECHO_IMAGE_ONLY_MESSAGE =
  'this node agent only runs the echo server image (ghcr.io/grpcroute-conformance/echo-server:* or an image whose repository ends in echo-basic), in-process';
