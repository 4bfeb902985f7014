import { readFile, readdir } from 'node:fs/promises';

async function rssKb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')));
    return lists.flatMap((l) => l.split(' ').filter((s) => s !== '').map(Number));
  } catch {
    return [];
  }
}

/** Resident memory of a process and all its descendants, in KiB (Linux /proc; 0 elsewhere). */
export async function processTreeRssKb(pid: number): Promise<number> {
  const children = await childrenOf(pid);
  const sizes = await Promise.all([rssKb(pid), ...children.map((c) => processTreeRssKb(c))]);
  return sizes.reduce((a, b) => a + b, 0);
}

/** Samples the tree's RSS every `intervalMs` until stopped; returns the peak seen, in KiB. */
export function samplePeakRss(pid: number, intervalMs = 250): { stop(): Promise<number> } {
  let peak = 0;
  let sampling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      peak = Math.max(peak, await processTreeRssKb(pid));
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      return peak;
    },
  };
}
