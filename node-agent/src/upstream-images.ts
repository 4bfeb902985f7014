/**
 * Images of upstream's conformance base manifests, recognised only when the agent was given
 * upstream's echo-basic binary (NodeAgentOptions.echoBasic): then upstream's own suite runs here.
 */
const UPSTREAM_ECHO_BASIC_REPOSITORIES = ['registry.k8s.io/gateway-api/echo-basic', 'registry.k8s.io/gateway-api/conformance/echo-basic'];

/**
 * Images marked Ready without running anything. Upstream's base manifests deploy coredns, which
 * no GRPC or Gateway test talks to, yet upstream waits for every pod of its namespaces to be
 * Ready before any test. Each use is logged, so a report never hides it.
 */
export const READY_WITHOUT_PROCESS_REPOSITORIES: readonly string[] = ['registry.k8s.io/coredns/coredns'];

export function repositoryOf(image: string): string {
  return image.split('@')[0]!.replace(/:[^/:]*$/, '');
}

export function isUpstreamEchoBasicImage(image: string | undefined): boolean {
  return image !== undefined && UPSTREAM_ECHO_BASIC_REPOSITORIES.includes(repositoryOf(image));
}

export function isReadyWithoutProcessImage(image: string | undefined): boolean {
  return image !== undefined && READY_WITHOUT_PROCESS_REPOSITORIES.includes(repositoryOf(image));
}
