/** Where each component listens inside the run's network namespace; nothing there is reachable from outside. */
export const CONTROL_PLANE_PORTS = { etcdClient: 2379, etcdPeer: 2380, apiserver: 6443, controllerManager: 10257 } as const;
export type ControlPlanePorts = { readonly [K in keyof typeof CONTROL_PLANE_PORTS]: number };

/** Cluster-internal ranges. Nothing routes them: the namespace has only `lo`. */
export const SERVICE_CIDR = '10.96.0.0/16';

/**
 * The controllers a cluster without kubelets needs: Deployments make ReplicaSets make Pods,
 * Services get EndpointSlices, namespaces and owned objects are really deleted, and every
 * namespace gets its default ServiceAccount (Pod admission requires it). The node-lifecycle
 * controller is left out on purpose: the node agent sends no heartbeats.
 */
export const CONTROLLERS = [
  'deployment-controller',
  'replicaset-controller',
  'endpointslice-controller',
  'namespace-controller',
  'garbage-collector-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'root-ca-certificate-publisher-controller',
  'clusterrole-aggregation-controller',
] as const;

export interface ControlPlaneFiles {
  readonly dir: string;
  readonly caCert: string;
  readonly servingCert: string;
  readonly servingKey: string;
  readonly serviceAccountKey: string;
  readonly serviceAccountPublicKey: string;
  readonly tokenFile: string;
  readonly controllerManagerKubeconfig: string;
  readonly etcdData: string;
  /** Set when an audit log is asked for (npm run bench counts the suite's requests in it). */
  readonly audit?: { readonly policy: string; readonly log: string };
}

export function etcdArgs(files: ControlPlaneFiles, ports: ControlPlanePorts): string[] {
  const client = `http://127.0.0.1:${ports.etcdClient}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  return [
    '--name=control-plane',
    `--data-dir=${files.etcdData}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=control-plane=${peer}`,
    // A throwaway store for one run: durability buys nothing and fsync costs seconds.
    '--unsafe-no-fsync=true',
    '--log-level=warn',
  ];
}

export function apiserverArgs(files: ControlPlaneFiles, advertiseAddress: string, ports: ControlPlanePorts): string[] {
  return [
    `--etcd-servers=http://127.0.0.1:${ports.etcdClient}`,
    '--bind-address=0.0.0.0',
    `--secure-port=${ports.apiserver}`,
    `--advertise-address=${advertiseAddress}`,
    `--tls-cert-file=${files.servingCert}`,
    `--tls-private-key-file=${files.servingKey}`,
    `--token-auth-file=${files.tokenFile}`,
    '--authorization-mode=RBAC',
    '--anonymous-auth=false',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${files.serviceAccountPublicKey}`,
    `--service-account-signing-key-file=${files.serviceAccountKey}`,
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    '--profiling=false',
    // The node's name resolves nowhere; its InternalIP is where the node agent serves pods/log.
    '--kubelet-preferred-address-types=InternalIP',
    ...(files.audit ? [`--audit-policy-file=${files.audit.policy}`, `--audit-log-path=${files.audit.log}`, '--audit-log-format=json', '--audit-log-mode=blocking'] : []),
  ];
}

export function controllerManagerArgs(files: ControlPlaneFiles, ports: ControlPlanePorts): string[] {
  return [
    `--kubeconfig=${files.controllerManagerKubeconfig}`,
    `--authentication-kubeconfig=${files.controllerManagerKubeconfig}`,
    `--authorization-kubeconfig=${files.controllerManagerKubeconfig}`,
    `--controllers=${CONTROLLERS.join(',')}`,
    // Each controller acts as its own ServiceAccount, with the bootstrap RBAC roles a real cluster has.
    '--use-service-account-credentials=true',
    `--service-account-private-key-file=${files.serviceAccountKey}`,
    `--root-ca-file=${files.caCert}`,
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    `--secure-port=${ports.controllerManager}`,
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
  ];
}
