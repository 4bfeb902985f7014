import type { AddressRange } from './address-pool.ts';
import type { CommandSpec } from './command.ts';

/** Pinned, so every vendor's CI gets the same LoadBalancer behaviour (CRD-based config needs >= 0.13). */
export const METALLB_VERSION = 'v0.14.9';
export const METALLB_MANIFEST_URL = `https://raw.githubusercontent.com/metallb/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`;
const POOL_NAME = 'grpcroute-conformance';

/**
 * kubeadm labels control-plane nodes to be left out of LoadBalancers; on a one-node kind cluster
 * that would leave no node to announce Gateway addresses (MetalLB and cloud-provider-kind both honour it).
 */
export function includeControlPlaneInLoadBalancers(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['label', 'nodes', '--selector', 'node-role.kubernetes.io/control-plane', 'node.kubernetes.io/exclude-from-external-load-balancers-']);
}

export const inspectKindNetwork: CommandSpec = { file: 'docker', args: ['network', 'inspect', 'kind', '--format', '{{json .IPAM.Config}}'] };

export function installMetallb(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['apply', '--server-side', '-f', METALLB_MANIFEST_URL]);
}

/** MetalLB's webhook refuses IPAddressPools until its pods are ready. */
export function waitForMetallb(kubectl: (args: string[]) => CommandSpec): CommandSpec {
  return kubectl(['wait', '--namespace', 'metallb-system', '--for=condition=ready', 'pod', '--selector=app=metallb', '--timeout=180s']);
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

/** cloud-provider-kind runs on the host beside docker and serves every kind cluster until stopped. */
export const cloudProviderKind: CommandSpec = { file: 'cloud-provider-kind', args: [] };
