import type { ContainerContext } from './container-config.ts';
import { readMountedFile, resolveEnv } from './container-config.ts';
import type { AgentObject } from './pod-object.ts';

const DEFAULT_HTTP_PORT = 3000;
const DEFAULT_HTTPS_PORT = 8443;

/** How the echo server of one container listens, from its env (HTTP_PORT, HTTPS_PORT, TLS_SERVER_*). */
export interface EchoListenConfig {
  httpPort: number;
  httpsPort?: number;
  tls?: { certPem: string; keyPem: string };
  env: { POD_NAME: string; NAMESPACE: string; SERVICE_NAME?: string; INGRESS_NAME?: string };
}

/** Reads the container's env the way the echo image does, resolving TLS files through the pod's volumes. */
export function echoListenConfig(pod: AgentObject, container: Record<string, unknown>, context: ContainerContext): EchoListenConfig {
  const env = resolveEnv(pod, container, context);
  const config: EchoListenConfig = {
    httpPort: Number(env.HTTP_PORT ?? DEFAULT_HTTP_PORT),
    env: {
      POD_NAME: env.POD_NAME ?? '',
      NAMESPACE: env.NAMESPACE ?? '',
      ...(env.SERVICE_NAME !== undefined ? { SERVICE_NAME: env.SERVICE_NAME } : {}),
      ...(env.INGRESS_NAME !== undefined ? { INGRESS_NAME: env.INGRESS_NAME } : {}),
    },
  };
  if (env.TLS_SERVER_CERT && env.TLS_SERVER_PRIV_KEY) {
    config.httpsPort = Number(env.HTTPS_PORT ?? DEFAULT_HTTPS_PORT);
    config.tls = {
      certPem: readMountedFile(pod, container, env.TLS_SERVER_CERT, context.lookup),
      keyPem: readMountedFile(pod, container, env.TLS_SERVER_PRIV_KEY, context.lookup),
    };
  }
  return config;
}

/** The HTTP port a container's echo server listens on. */
export function containerPort(container: Record<string, unknown>): number {
  const env = Array.isArray(container.env) ? (container.env as { name?: unknown; value?: unknown }[]) : [];
  const value = env.find((e) => e.name === 'HTTP_PORT')?.value;
  return typeof value === 'string' ? Number(value) : DEFAULT_HTTP_PORT;
}
