/** One line a container wrote, with the time (ms since epoch) it was written. */
export interface LogLine {
  readonly time: number;
  readonly text: string;
}

/** Where pods/log reads from: the workload runner's per-pod ring buffers. */
export interface PodLogSource {
  /** Lines of a pod's log, oldest first; undefined when the pod never ran. */
  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined;
}
