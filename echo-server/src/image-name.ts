/**
 * Where the echo-server image is published (by .github/workflows/echo-image.yaml, tagged v<package
 * version>). The one copy of the name: the harness adds the tag, the node agent recognises the
 * repository, and a unit test holds the workflow and every fixture to it.
 */
export const ECHO_IMAGE_REPOSITORY = 'ghcr.io/grpcroute-conformance/echo-server';

/** The GitHub owner whose packages hold it: the workflow pushes to ghcr.io/<owner>/echo-server. */
export const ECHO_IMAGE_OWNER = ECHO_IMAGE_REPOSITORY.split('/')[1]!;
