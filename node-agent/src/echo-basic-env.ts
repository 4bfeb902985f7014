import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContainerContext } from './container-config.ts';
import { readMountedFile, resolveEnv } from './container-config.ts';
import type { AgentObject } from './pod-object.ts';
import { isRecord } from './pod-object.ts';

const DEFAULT_PORT = 3000;
const DEFAULT_UDP_PORT = 8080;

/** How upstream's echo-basic will run for one container: its environment, and where readiness looks. */
export interface EchoBasicLaunch {
  readonly env: Record<string, string>;
  readonly probe: { protocol: 'tcp' | 'udp'; port: number };
}

/**
 * The container's environment for a process without a mount namespace: a value that names a
 * file under a Secret or ConfigMap volume (TLS_SERVER_CERT=/etc/secret-volume/crt) gets that
 * file written below `podDir` and points there instead. Readiness follows echo-basic's own mode
 * switches (GRPC_ECHO_SERVER and plain HTTP listen on HTTP_PORT, TCP_ECHO_SERVER on TCP_PORT,
 * UDP_ECHO_SERVER on UDP_PORT; 3000, for UDP 8080, when unset).
 */
export async function echoBasicLaunch(pod: AgentObject, container: Record<string, unknown>, context: ContainerContext, podDir: string): Promise<EchoBasicLaunch> {
  const env = resolveEnv(pod, container, context);
  const mounts = (Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isRecord) : []).map((m) => String(m.mountPath).replace(/\/$/, ''));
  for (const [name, value] of Object.entries(env)) {
    if (!mounts.some((m) => value.startsWith(`${m}/`))) continue;
    const content = readMountedFile(pod, container, value, context.lookup);
    const path = join(podDir, 'files', value);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, content, { mode: 0o600 });
    env[name] = path;
  }
  const portOf = (variable: string, fallback = DEFAULT_PORT): number => (env[variable] ? Number(env[variable]) : fallback);
  const probe = env.TCP_ECHO_SERVER
    ? { protocol: 'tcp' as const, port: portOf('TCP_PORT') }
    : env.UDP_ECHO_SERVER
      ? { protocol: 'udp' as const, port: portOf('UDP_PORT', DEFAULT_UDP_PORT) }
      : { protocol: 'tcp' as const, port: portOf('HTTP_PORT') };
  return { env, probe };
}
