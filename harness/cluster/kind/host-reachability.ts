import { ConfigError } from '../../errors.ts';
import type { CommandSpec } from './command.ts';
import type { KindLoadBalancer } from './real-cluster-settings.ts';

export const dockerOperatingSystem: CommandSpec = { file: 'docker', args: ['info', '--format', '{{.OperatingSystem}}'] };

/**
 * Why this host cannot reach kind node addresses, if it cannot: kind documents that only Docker
 * without Docker Desktop on Linux routes to container IPs (site/content/docs/user/configuration.md),
 * and Docker Desktop's VM hides them on Linux too. MetalLB addresses live there; cloud-provider-kind
 * maps them to localhost ports instead.
 */
export async function nodeAddressesUnreachable(run: (spec: CommandSpec) => Promise<string>, platform: NodeJS.Platform): Promise<string | undefined> {
  if (platform === 'darwin') return 'on macOS';
  if (platform === 'win32') return 'on Windows';
  const os = await run(dockerOperatingSystem);
  return os.includes('Docker Desktop') ? `under Docker Desktop ("${os.trim()}")` : undefined;
}

/** The user's --kind-load-balancer, else the one that works on this host. */
export async function chooseLoadBalancer(
  chosen: KindLoadBalancer | undefined,
  run: (spec: CommandSpec) => Promise<string>,
  platform: NodeJS.Platform,
  log: (line: string) => void,
): Promise<KindLoadBalancer> {
  if (chosen === 'cloud-provider-kind') return chosen;
  const unreachable = await nodeAddressesUnreachable(run, platform);
  if (unreachable === undefined) return 'metallb';
  if (chosen === 'metallb') {
    throw new ConfigError(`--kind-load-balancer=metallb cannot work ${unreachable}: this host cannot reach the kind network's addresses MetalLB hands out; use --kind-load-balancer=cloud-provider-kind (the default here), or a Linux host with Docker Engine`);
  }
  log(`   LoadBalancers: cloud-provider-kind, since kind node addresses are unreachable ${unreachable} (it maps them to localhost ports)`);
  return 'cloud-provider-kind';
}
