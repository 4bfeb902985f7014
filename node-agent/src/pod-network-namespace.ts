import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A pod's own network namespace, joined to the agent's namespace by a veth pair. */
export interface PodNetwork {
  readonly namespace: string;
  readonly podIP: string;
  remove(): Promise<void>;
}

async function ip(args: readonly string[]): Promise<void> {
  try {
    await run('ip', args, { timeout: 15_000 });
  } catch (error) {
    const e = error as Error & { stderr?: string };
    throw new Error(`ip ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim().split('\n')[0] ?? ''}`, { cause: error });
  }
}

/**
 * Creates namespace `name` with `podIP` on its `eth0`, the peer end `hostLink` in the agent's
 * namespace, and a /32 route each way. The pod's address lies outside every range bound to the
 * agent namespace's `lo`: only the route decides where its packets go. The pod's default route
 * points at the node address onlink, so replies reach Gateways anywhere in the node's network.
 * Removes whatever it made when a step fails.
 */
export async function createPodNetwork(name: string, hostLink: string, podIP: string, nodeAddress: string): Promise<PodNetwork> {
  const remove = async (): Promise<void> => {
    // Deleting the namespace deletes eth0 and with it its peer; the host end may be left when the move failed.
    await ip(['netns', 'del', name]).catch(() => {});
    await ip(['link', 'del', hostLink]).catch(() => {});
  };
  await ip(['netns', 'add', name]);
  try {
    await ip(['link', 'add', hostLink, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', name]);
    await ip(['link', 'set', hostLink, 'up']);
    await ip(['route', 'add', `${podIP}/32`, 'dev', hostLink, 'src', nodeAddress]);
    await ip(['-n', name, 'link', 'set', 'lo', 'up']);
    await ip(['-n', name, 'addr', 'add', `${podIP}/32`, 'dev', 'eth0']);
    await ip(['-n', name, 'link', 'set', 'eth0', 'up']);
    await ip(['-n', name, 'route', 'add', 'default', 'via', nodeAddress, 'dev', 'eth0', 'onlink']);
  } catch (error) {
    await remove();
    throw error;
  }
  return { namespace: name, podIP, remove };
}
