/**
 * Runs `work(key)` for enqueued keys, never twice at once for one key; keys enqueued while
 * their work runs run once more afterwards (changes coalesce, none are lost). Work starts on
 * a later microtask, so enqueueing from inside a store listener is safe.
 */
export class KeyedQueue {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private stopped = false;

  constructor(
    private readonly work: (key: string) => Promise<void>,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  enqueue(key: string): void {
    if (this.stopped) return;
    if (this.running.has(key)) this.again.add(key);
    else this.start(key);
  }

  /** Stops taking keys and waits for work in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again.clear();
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private start(key: string): void {
    const run = (async () => {
      await Promise.resolve();
      try {
        await this.work(key);
      } catch (error) {
        this.onError(key, error);
      }
    })().finally(() => {
      this.running.delete(key);
      if (this.again.delete(key) && !this.stopped) this.start(key);
    });
    this.running.set(key, run);
  }
}
