import type { AddressRange } from './address-pool.ts';
import type { CommandSpec } from './command.ts';

/** Pinned, so every vendor's CI gets the same LoadBalancer behaviour (CRD-based config needs >= 0.13). */
export const METALLB_VERSION = 'v0.16.1';
export const METALLB_MANIFEST_URL = `https://raw.githubusercontent.com/metallb/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`;
const POOL_NAME = 'grpcroute-conformance';

/**
 * kubeadm labels control-plane nodes to be left out of LoadBalancers; on a one-node kind cluster
 * that would leave no node to announce Gateway addresses (MetalLB and cloud-provider-kind both honour it).
 */
export function includeControlPlaneInLoadBalancers(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['label', 'nodes', '--selector', 'node-role.kubernetes.io/control-plane', 'node.kubernetes.io/exclude-from-external-load-balancers-']);
}

/** kind puts its nodes on the docker network KIND_EXPERIMENTAL_DOCKER_NETWORK names, else "kind" (kind's providers/docker/network.go). */
export function kindNetworkName(env: NodeJS.ProcessEnv = process.env): string {
  return env.KIND_EXPERIMENTAL_DOCKER_NETWORK?.trim() || 'kind';
}

export function inspectKindNetwork(network: string): CommandSpec {
  return { file: 'docker', args: ['network', 'inspect', network, '--format', '{{json .IPAM.Config}}'] };
}

export function installMetallb(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['apply', '--server-side', '-f', METALLB_MANIFEST_URL]);
}

/**
 * `rollout status` waits for the Deployment and DaemonSet to exist and roll out, where `wait pod`
 * right after the apply finds no pods yet and fails. One resource per call: older kubectl refuses several.
 */
export function waitForMetallb(kubectl: (args: string[]) => CommandSpec): CommandSpec[] {
  return ['deploy/controller', 'ds/speaker'].map((target) => kubectl(['rollout', 'status', '--namespace', 'metallb-system', target, '--timeout=180s']));
}

/** A Ready controller is not a serving webhook (it starts after its certificates rotate): the pool apply fails until it answers. */
export function webhookNotReady(output: string): boolean {
  return /failed calling webhook "[^"]*metallb\.io"/.test(output) || (output.includes('metallb') && /webhook/i.test(output) && /connection refused|no endpoints available|context deadline exceeded/.test(output));
}

export function metallbPoolManifest(range: AddressRange): string {
  return `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: ${POOL_NAME}
  namespace: metallb-system
spec:
  addresses:
    - ${range.first}-${range.last}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: ${POOL_NAME}
  namespace: metallb-system
spec:
  ipAddressPools:
    - ${POOL_NAME}
`;
}

export function applyMetallbPool(kubectl: (args: string[]) => CommandSpec, range: AddressRange): CommandSpec {
  return { ...kubectl(['apply', '--server-side', '-f', '-']), input: metallbPoolManifest(range) };
}

/**
 * cloud-provider-kind runs on the host beside docker and serves every kind cluster until stopped.
 * Its own Gateway controller and CRD install are off: the CRDs are the run's choice (or the vendor's),
 * and the implementation under test is the only Gateway controller.
 */
export const cloudProviderKind: CommandSpec = { file: 'cloud-provider-kind', args: ['--gateway-channel', 'disabled'] };
