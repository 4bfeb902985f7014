import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const IP_CANDIDATES = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'];

/**
 * A command prefix that runs a program in its own network namespace (with only loopback, up), or
 * undefined when this machine does not allow it. Every embedded run gives its Gateways the same
 * 127.2.0.x addresses, so two runs side by side would bind, and answer for, each other's Gateways;
 * a namespace of its own keeps a mutant's traffic on its own gateway. `unshare -rn` needs no
 * privileges where unprivileged user namespaces are enabled (most Linux distributions).
 */
export async function detectNetworkIsolation(): Promise<readonly string[] | undefined> {
  const ip = IP_CANDIDATES.find((path) => existsSync(path));
  if (!ip) return undefined;
  const prefix = ['unshare', '-rn', 'sh', '-c', `${ip} link set lo up && exec "$@"`, 'isolated'];
  const works = await new Promise<boolean>((resolve) => {
    const probe = spawn(prefix[0]!, [...prefix.slice(1), process.execPath, '-e', "require('net').createServer().listen(0, '127.2.0.1', function () { this.close(); })"], {
      stdio: 'ignore',
    });
    probe.on('error', () => resolve(false));
    probe.on('close', (code) => resolve(code === 0));
  });
  return works ? prefix : undefined;
}
