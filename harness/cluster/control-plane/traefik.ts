import { join } from 'node:path';
import { BUILD_CACHE_BIN } from './binaries.ts';
import { startComponent, type ComponentProcess } from './component-process.ts';
import type { RunningControlPlane } from './control-plane.ts';
import { probe } from './https-probe.ts';

/**
 * Traefik binds each Gateway listener to the entryPoint of the same port, so it needs one for
 * every listener port the fixtures and suites use.
 */
export const TRAEFIK_ENTRYPOINTS: Readonly<Record<string, number>> = { web: 80, websecure: 443, port8080: 8080, port8081: 8081, port9090: 9090, port50051: 50051 };
const PING = { host: '127.0.0.1', port: 9000 };
const READY_MS = 60_000;

export const TRAEFIK_GATEWAY_CLASS = 'traefik';

/** Starts Traefik's Kubernetes Gateway provider against the control plane; ready once it answers its ping. */
export async function startTraefik(plane: RunningControlPlane, statusAddress: string, experimental: boolean, signal?: AbortSignal): Promise<ComponentProcess> {
  const args = [
    '--global.checknewversion=false',
    '--global.sendanonymoususage=false',
    '--log.level=INFO',
    '--providers.kubernetesgateway=true',
    `--providers.kubernetesgateway.endpoint=${plane.url}`,
    `--providers.kubernetesgateway.token=${plane.tokens.traefik}`,
    `--providers.kubernetesgateway.certauthfilepath=${plane.caFile}`,
    // Traefik serves every Gateway on the same addresses; this is the one it writes to Gateway status.
    `--providers.kubernetesgateway.statusaddress.ip=${statusAddress}`,
    ...(experimental ? ['--providers.kubernetesgateway.experimentalchannel=true'] : []),
    ...Object.entries(TRAEFIK_ENTRYPOINTS).map(([name, port]) => `--entrypoints.${name}.address=:${port}`),
    `--entrypoints.traefik.address=${PING.host}:${PING.port}`,
    '--ping=true',
    '--ping.entrypoint=traefik',
  ];
  const traefik = startComponent('traefik', join(BUILD_CACHE_BIN, 'traefik'), args, join(plane.dir, 'traefik.log'));
  try {
    await traefik.waitReady(() => probe(`http://${PING.host}:${PING.port}/ping`), READY_MS, signal);
  } catch (error) {
    await traefik.stop();
    throw error;
  }
  return traefik;
}
