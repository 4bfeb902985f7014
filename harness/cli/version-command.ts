import { SUITE_VERSION, SUPPORTED_GATEWAY_API_RELEASES } from '../version.ts';

/** `version`: ours, not the implementation's (that is `--version`, which goes into reports). */
export function renderVersion(): string {
  return `grpcroute-conformance ${SUITE_VERSION}\nGateway API ${SUPPORTED_GATEWAY_API_RELEASES.join(', ')}\n`;
}
