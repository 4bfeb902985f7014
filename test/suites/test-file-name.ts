// Resource kinds are one word in file names (GRPCRoute → grpcroute), as in the upstream suite's files.
const ONE_WORD_KINDS = ['BackendTLSPolicy', 'GRPCRoute', 'HTTPRoute'];

/** The suite file base name a test name asks for: GRPCRouteHTTPSListenerSNI → grpcroute-https-listener-sni. */
export function testFileName(testName: string): string {
  let name = testName;
  for (const kind of ONE_WORD_KINDS) name = name.replaceAll(kind, `${kind[0]}${kind.slice(1).toLowerCase()}`);
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
