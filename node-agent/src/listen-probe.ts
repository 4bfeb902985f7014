import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

const TCP_LISTEN = '0A';
const PROBE_INTERVAL_MS = 50;

/**
 * True when a socket of `protocol` is bound to `port` in the network namespace of process `pid`
 * (for TCP: in LISTEN state). /proc/PID/net shows that process's namespace, so the agent sees
 * inside the pod without entering it.
 */
export async function listensOn(pid: number, protocol: 'tcp' | 'udp', port: number): Promise<boolean> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of [protocol, `${protocol}6`]) {
    const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local?.endsWith(`:${hexPort}`) && (protocol === 'udp' || state === TCP_LISTEN)) return true;
    }
  }
  return false;
}

/**
 * Resolves once process `pid` listens on `port`, like a kubelet's readiness probe; rejects when
 * `exited` settles first or `timeoutMs` passes. The kernel has no event for "a socket started
 * listening", so this polls at a short interval.
 */
export async function waitUntilListening(pid: number, protocol: 'tcp' | 'udp', port: number, exited: Promise<string>, timeoutMs: number): Promise<void> {
  let exitedWith: string | undefined;
  void exited.then((how) => (exitedWith = how));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitedWith !== undefined) throw new Error(`the process exited (${exitedWith}) before it listened on ${protocol} port ${port}`);
    if (await listensOn(pid, protocol, port)) return;
    if (Date.now() > deadline) throw new Error(`the process did not listen on ${protocol} port ${port} within ${timeoutMs} ms`);
    await delay(PROBE_INTERVAL_MS);
  }
}
