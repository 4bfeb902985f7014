import { SUITE_VERSION } from '../version.ts';

export { SUITE_VERSION };

/** `grpcroute-conformance::<version>::<TestName>`, so a vendor can tell which test made a request. */
export function userAgentFor(testName: string): string {
  return `grpcroute-conformance::${SUITE_VERSION}::${testName}`;
}
