import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { HarnessError } from '../../errors.ts';

const run = promisify(execFile);
const KILL_GRACE_MS = 5_000;

/**
 * The addresses of the run's private network: the node (and API server advertise address) at
 * .0.1, Gateways from a /24, Pods from the upper half. The whole /16 sits on `lo`, so any
 * address in it binds without further setup, and the namespace has no other interface: nothing
 * in it can reach, or be reached from, outside.
 */
export const NETWORK = {
  cidr: '10.244.0.0/16',
  nodeAddress: '10.244.0.1',
  gatewayPool: '10.244.64.0/24',
  /** A peer implementation that serves every Gateway on one address (Traefik) writes this one to status. */
  peerAddress: '10.244.65.1',
  podPool: '10.244.128.0/17',
} as const;

export { NETNS_ENV } from './launcher-env.ts';

async function ip(args: string[]): Promise<string> {
  try {
    return (await run('ip', args, { timeout: 15_000 })).stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new HarnessError('GRPCCONF_NETNS', 'the `ip` command is missing; install iproute2 (apt-get install iproute2)', { cause: error });
    const detail = (e.stderr ?? e.message).trim().split('\n')[0] ?? '';
    if (/permission|not permitted|EPERM/i.test(detail)) {
      throw new HarnessError('GRPCCONF_NETNS', `cannot create a network namespace (${detail}); --cluster=control-plane needs root or CAP_SYS_ADMIN+CAP_NET_ADMIN`, { cause: error });
    }
    throw new HarnessError('GRPCCONF_NETNS', `ip ${args.join(' ')} failed: ${detail}`, { cause: error });
  }
}

/** Creates the namespace with its loopback up and the run's /16 on it. Removes it again if any step fails. */
export async function createNetworkNamespace(name: string): Promise<void> {
  await ip(['netns', 'add', name]);
  try {
    await ip(['-n', name, 'link', 'set', 'lo', 'up']);
    await ip(['-n', name, 'addr', 'add', `${NETWORK.nodeAddress}/16`, 'dev', 'lo']);
  } catch (error) {
    await deleteNetworkNamespace(name);
    throw error;
  }
}

/** The processes that still run inside the namespace. */
export async function processesIn(name: string): Promise<number[]> {
  const out = await ip(['netns', 'pids', name]).catch(() => '');
  return out.split(/\s+/).filter(Boolean).map(Number);
}

/** Ends every process left in the namespace (TERM, then KILL after a grace period), then deletes it. */
export async function deleteNetworkNamespace(name: string): Promise<void> {
  const signalAll = async (signal: NodeJS.Signals): Promise<number[]> => {
    const pids = await processesIn(name);
    for (const pid of pids) {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
    return pids;
  };
  if ((await signalAll('SIGTERM')).length > 0) {
    const deadline = Date.now() + KILL_GRACE_MS;
    // Bounded wait for the processes to exit after TERM; they give no event to wait on.
    while ((await processesIn(name)).length > 0 && Date.now() < deadline) await delay(100);
    await signalAll('SIGKILL');
  }
  await ip(['netns', 'del', name]).catch((error: unknown) => {
    if (!/No such file|does not exist/i.test((error as Error).message)) throw error;
  });
}

export async function networkNamespaceExists(name: string): Promise<boolean> {
  return (await networkNamespaceNames()).includes(name);
}

export async function networkNamespacesStartingWith(prefix: string): Promise<string[]> {
  return (await networkNamespaceNames()).filter((name) => name.startsWith(prefix));
}

async function networkNamespaceNames(): Promise<string[]> {
  const out = await ip(['netns', 'list']).catch(() => '');
  return out.split('\n').map((line) => line.split(' ')[0] ?? '').filter(Boolean);
}
