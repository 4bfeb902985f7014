import type { LogLine } from '../../node-agent/src/log-buffer.ts';

export type { LogLine } from '../../node-agent/src/log-buffer.ts';

/** Where pods/log reads from: the node agent's per-pod ring buffers, read in process. */
export interface PodLogSource {
  /** Lines of a pod's log, oldest first; undefined when the pod never ran. */
  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined;
}
