import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlPlaneBinaries } from './binaries.ts';
import { startComponent, type ComponentProcess } from './component-process.ts';
import { apiserverArgs, CONTROL_PLANE_PORTS, controllerManagerArgs, etcdArgs, type ControlPlaneFiles, type ControlPlanePorts } from './component-flags.ts';
import { probe } from './https-probe.ts';
import { writeTokenKubeconfig } from './kubeconfig-file.ts';
import { createControlPlanePki, newToken } from './pki.ts';
import { ensurePortFree } from './port-check.ts';

const ETCD_READY_MS = 30_000;
const APISERVER_READY_MS = 90_000;
const CONTROLLERS_READY_MS = 60_000;

/** Who did what, and nothing of the bodies: enough to count requests by user and verb. */
const AUDIT_POLICY = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Metadata\n';

/** Who talks to the API server, each with its own static token (RBAC decides what each may do). */
export const IDENTITIES = {
  suite: { user: 'grpcroute-conformance', groups: ['system:masters'] },
  nodeAgent: { user: 'grpcroute-conformance-node-agent', groups: ['system:masters'] },
  referenceGateway: { user: 'grpcroute-reference-gateway', groups: [] as string[] },
  traefik: { user: 'traefik', groups: [] as string[] },
  controllerManager: { user: 'system:kube-controller-manager', groups: [] as string[] },
} as const;
export type Identity = keyof typeof IDENTITIES;

export interface RunningControlPlane {
  readonly url: string;
  readonly caPem: string;
  readonly dir: string;
  /** A kubeconfig for each identity, in the run's folder. */
  readonly kubeconfigs: Readonly<Record<Identity, string>>;
  /** The same identities' bearer tokens, for a component that takes a token and a CA file instead. */
  readonly tokens: Readonly<Record<Identity, string>>;
  readonly caFile: string;
  readonly processes: readonly ComponentProcess[];
  stop(): Promise<void>;
}

export interface ControlPlaneOptions {
  readonly binaries: ControlPlaneBinaries;
  /** The node's address, which the API server advertises (the `kubernetes` Service's endpoint). */
  readonly advertiseAddress: string;
  /** Default CONTROL_PLANE_PORTS, fixed because the namespace is the run's own; tests on loopback pass free ones. */
  readonly ports?: ControlPlanePorts;
  /** Write an audit log of every request (metadata only) to this file. */
  readonly auditLogPath?: string;
  /** Where the run's folder is made (default the OS temp folder); the launcher passes one it removes itself. */
  readonly parentDir?: string;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

/**
 * Starts etcd, kube-apiserver and kube-controller-manager as child processes, each ready before
 * the next starts. Must run inside the run's own network namespace: the ports are fixed.
 */
export async function startControlPlane(options: ControlPlaneOptions): Promise<RunningControlPlane> {
  const log = options.log ?? (() => {});
  const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'grpcroute-conformance-control-plane-'));
  const ports = options.ports ?? CONTROL_PLANE_PORTS;
  const processes: ComponentProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const p of [...processes].reverse()) await p.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = `https://127.0.0.1:${ports.apiserver}`;
    const pki = await createControlPlanePki(['127.0.0.1', options.advertiseAddress, 'localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', '10.96.0.1']);
    const tokens = Object.fromEntries(Object.keys(IDENTITIES).map((id) => [id, newToken()])) as Record<Identity, string>;
    const files = await writeFiles(dir, pki, tokens, options.auditLogPath);
    const kubeconfigs = {} as Record<Identity, string>;
    for (const id of Object.keys(IDENTITIES) as Identity[]) {
      kubeconfigs[id] = join(dir, `${id}.kubeconfig`);
      await writeTokenKubeconfig(kubeconfigs[id], 'control-plane', url, tokens[id], pki.caPem);
    }
    await writeTokenKubeconfig(files.controllerManagerKubeconfig, 'control-plane', url, tokens.controllerManager, pki.caPem);

    for (const [name, port] of [['etcd', ports.etcdClient], ['etcd', ports.etcdPeer], ['kube-apiserver', ports.apiserver], ['kube-controller-manager', ports.controllerManager]] as const) {
      await ensurePortFree('127.0.0.1', port, name);
    }

    const started = Date.now();
    const etcd = startComponent('etcd', options.binaries.etcd, etcdArgs(files, ports), join(dir, 'etcd.log'));
    processes.push(etcd);
    await etcd.waitReady(() => probe(`http://127.0.0.1:${ports.etcdClient}/health`, { accept: (b) => b.includes('"health":"true"') }), ETCD_READY_MS, options.signal);
    log(`etcd ready after ${Date.now() - started} ms`);

    const apiserver = startComponent('kube-apiserver', options.binaries.kubeApiserver, apiserverArgs(files, options.advertiseAddress, ports), join(dir, 'kube-apiserver.log'));
    processes.push(apiserver);
    await apiserver.waitReady(() => probe(`${url}/readyz`, { caPem: pki.caPem, token: tokens.suite }), APISERVER_READY_MS, options.signal);
    log(`kube-apiserver ready after ${Date.now() - started} ms`);

    const controllers = startComponent('kube-controller-manager', options.binaries.kubeControllerManager, controllerManagerArgs(files, ports), join(dir, 'kube-controller-manager.log'));
    processes.push(controllers);
    // Ready once the controllers act: the serviceaccount controller has filled in `default`.
    await controllers.waitReady(() => probe(`${url}/api/v1/namespaces/default/serviceaccounts/default`, { caPem: pki.caPem, token: tokens.suite }), CONTROLLERS_READY_MS, options.signal);
    log(`kube-controller-manager ready after ${Date.now() - started} ms`);

    return { url, caPem: pki.caPem, dir, kubeconfigs, tokens, caFile: files.caCert, processes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function writeFiles(dir: string, pki: Awaited<ReturnType<typeof createControlPlanePki>>, tokens: Record<Identity, string>, auditLog?: string): Promise<ControlPlaneFiles> {
  const files: ControlPlaneFiles = {
    dir,
    caCert: join(dir, 'ca.crt'),
    servingCert: join(dir, 'apiserver.crt'),
    servingKey: join(dir, 'apiserver.key'),
    serviceAccountKey: join(dir, 'service-account.key'),
    serviceAccountPublicKey: join(dir, 'service-account.pub'),
    tokenFile: join(dir, 'tokens.csv'),
    controllerManagerKubeconfig: join(dir, 'kube-controller-manager.kubeconfig'),
    etcdData: join(dir, 'etcd'),
    ...(auditLog ? { audit: { policy: join(dir, 'audit-policy.yaml'), log: auditLog } } : {}),
  };
  if (files.audit) await writeFile(files.audit.policy, AUDIT_POLICY);
  const secret = { mode: 0o600 } as const;
  await writeFile(files.caCert, pki.caPem);
  await writeFile(files.servingCert, pki.servingCertPem);
  await writeFile(files.servingKey, pki.servingKeyPem, secret);
  await writeFile(files.serviceAccountKey, pki.serviceAccountKeyPem, secret);
  await writeFile(files.serviceAccountPublicKey, pki.serviceAccountPublicKeyPem);
  const rows = (Object.keys(IDENTITIES) as Identity[]).map((id) => {
    const { user, groups } = IDENTITIES[id];
    return `${tokens[id]},${user},${user}${groups.length > 0 ? `,"${groups.join(',')}"` : ''}`;
  });
  await writeFile(files.tokenFile, `${rows.join('\n')}\n`, secret);
  await mkdir(files.etcdData, { mode: 0o700 });
  return files;
}
