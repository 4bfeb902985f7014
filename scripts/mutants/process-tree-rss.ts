import { readFile, readdir } from 'node:fs/promises';

interface Memory {
  readonly rssKb: number;
  /** VmHWM: the process's own peak resident size so far. */
  readonly hwmKb: number;
}

async function memoryOf(pid: number): Promise<Memory> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return { rssKb: 0, hwmKb: 0 };
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

async function treeOf(pid: number): Promise<number[]> {
  const children = await childrenOf(pid);
  return [pid, ...(await Promise.all(children.map((c) => treeOf(c)))).flat()];
}

/** Peak memory of a process tree, in KiB (Linux /proc; zeros elsewhere). */
export interface PeakRss {
  /** Largest sum of the tree's resident sizes seen at one sample. */
  readonly treeKb: number;
  /** The root process's own peak (VmHWM). */
  readonly rootKb: number;
  /** The largest peak of any other process of the tree (e.g. a test worker). */
  readonly largestChildKb: number;
}

/** Samples a process tree's memory every `intervalMs` until stopped. */
export function samplePeakRss(pid: number, intervalMs = 250): { stop(): Promise<PeakRss> } {
  let treeKb = 0;
  let rootKb = 0;
  let largestChildKb = 0;
  let sampling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      const pids = await treeOf(pid);
      const memories = await Promise.all(pids.map((p) => memoryOf(p)));
      treeKb = Math.max(treeKb, memories.reduce((sum, m) => sum + m.rssKb, 0));
      rootKb = Math.max(rootKb, memories[0]?.hwmKb ?? 0);
      largestChildKb = Math.max(largestChildKb, ...memories.slice(1).map((m) => m.hwmKb));
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      return { treeKb, rootKb, largestChildKb };
    },
  };
}
