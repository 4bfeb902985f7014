import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** The suite's version, from package.json. */
export const SUITE_VERSION = packageJson.version;

/** `grpcroute-conformance::<version>::<TestName>`, so a vendor can tell which test made a request. */
export function userAgentFor(testName: string): string {
  return `grpcroute-conformance::${SUITE_VERSION}::${testName}`;
}
