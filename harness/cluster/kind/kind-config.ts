/**
 * Our kind cluster: one control-plane node is enough for the suite, and it keeps a CI runner's
 * two cores for the gateway under test.
 */
export const DEFAULT_KIND_CONFIG = `# Written by grpcroute-conformance; pass --kind-config to use your own.
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
`;
