/** Small object builders for the embedded cluster's own tests. */
export function namespace(name: string, labels: Record<string, string> = {}) {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function configMap(ns: string, name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels }, data };
}

export function grpcRoute(ns: string, name: string, service = 'grpc.testing.EchoService') {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name, namespace: ns },
    spec: {
      parentRefs: [{ name: 'gw' }],
      rules: [{ matches: [{ method: { service, method: 'Echo' } }], backendRefs: [{ name: 'echo', port: 8080 }] }],
    },
  };
}

export const ECHO_IMAGE = 'ghcr.io/grpcroute-conformance/echo-server:v0.1.0';

export function echoDeployment(ns: string, name: string, replicas: number, extraEnv: unknown[] = [], image = ECHO_IMAGE) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'echo',
              image,
              ports: [{ name: 'grpc', containerPort: 3000 }],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                ...extraEnv,
              ],
            },
          ],
        },
      },
    },
  };
}

export function service(ns: string, name: string, selector: Record<string, string>, targetPort: number | string = 'grpc') {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: { selector, ports: [{ name: 'grpc', port: 8080, targetPort, appProtocol: 'kubernetes.io/h2c' }] },
  };
}
