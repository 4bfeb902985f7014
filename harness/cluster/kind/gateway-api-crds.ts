import type { CommandSpec } from './command.ts';
import type { GatewayApiChannel } from './real-cluster-settings.ts';

/** The release asset upstream publishes for each channel. */
export function gatewayApiInstallUrl(version: string, channel: GatewayApiChannel): string {
  return `https://github.com/kubernetes-sigs/gateway-api/releases/download/${version}/${channel}-install.yaml`;
}

export function installGatewayApiCrds(kubectl: (args: string[]) => CommandSpec, version: string, channel: GatewayApiChannel): CommandSpec {
  return kubectl(['apply', '--server-side', '-f', gatewayApiInstallUrl(version, channel)]);
}

/** Discovery serves the kinds only once their CRDs are Established. */
export function waitForGatewayApiCrds(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['wait', '--for=condition=Established', '--timeout=60s', ...['gatewayclasses', 'gateways', 'grpcroutes', 'referencegrants'].map((p) => `crd/${p}.gateway.networking.k8s.io`)]);
}
