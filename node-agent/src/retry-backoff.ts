/**
 * Re-enqueues a key whose reconcile failed (a server error, a dropped connection), after a delay
 * that doubles with each failure in a row: a watch event may never come to retry it otherwise.
 */
export class RetryBackoff {
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly enqueue: (key: string) => void,
    private readonly firstDelayMs = 250,
    private readonly maxDelayMs = 30_000,
  ) {}

  failed(key: string): void {
    if (this.stopped) return;
    const count = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, count);
    if (this.timers.has(key)) return;
    const delay = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (count - 1));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.enqueue(key);
    }, delay);
    this.timers.set(key, timer);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
