import type { ObjectLookup } from './container-config.ts';
import type { RunningPod } from './echo-pod-runner.ts';
import type { LogLine } from './log-buffer.ts';
import type { AgentObject } from './pod-object.ts';

/** What the reconciler needs of a container runtime: start, look up and stop one pod by key. */
export interface PodRunner {
  get(key: string): RunningPod | undefined;
  start(pod: AgentObject, lookup: ObjectLookup): Promise<RunningPod>;
  stop(key: string): Promise<void>;
  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined;
  stopAll(): Promise<void>;
}

/** A runner and the images it can run; a pod goes to the first runner that takes all its images. */
export interface RuntimeChoice {
  readonly takes: (image: string | undefined) => boolean;
  readonly runner: PodRunner;
}

/**
 * Sends each pod to the runner for its images and remembers which one runs it, so stop and logs
 * reach the same runner.
 */
export class PodRuntime implements PodRunner {
  private readonly owner = new Map<string, PodRunner>();

  constructor(private readonly choices: readonly RuntimeChoice[]) {}

  /** True when some runner takes every one of the images. */
  runs(images: readonly (string | undefined)[]): boolean {
    return this.choose(images) !== undefined;
  }

  get(key: string): RunningPod | undefined {
    return this.owner.get(key)?.get(key);
  }

  async start(pod: AgentObject, lookup: ObjectLookup): Promise<RunningPod> {
    const images = (Array.isArray(pod.spec?.containers) ? pod.spec.containers : []).map((c: { image?: unknown }) => (typeof c.image === 'string' ? c.image : undefined));
    const runner = this.choose(images);
    if (!runner) throw new Error(`node agent: no runtime for images ${images.join(', ')}`);
    const started = await runner.start(pod, lookup);
    this.owner.set(`${pod.metadata.namespace ?? ''}/${pod.metadata.name}`, runner);
    return started;
  }

  async stop(key: string): Promise<void> {
    const runner = this.owner.get(key);
    this.owner.delete(key);
    await runner?.stop(key);
  }

  linesOf(namespace: string, pod: string): readonly LogLine[] | undefined {
    return this.owner.get(`${namespace}/${pod}`)?.linesOf(namespace, pod);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.choices.map((c) => c.runner.stopAll()));
    this.owner.clear();
  }

  private choose(images: readonly (string | undefined)[]): PodRunner | undefined {
    if (images.length === 0) return undefined;
    return this.choices.find((c) => images.every((image) => c.takes(image)))?.runner;
  }
}
