import { KeyedQueue } from '../../kube-rest/keyed-queue.ts';
import { reportReconcileError } from './reconcile-errors.ts';
import { RetryBackoff } from './retry-backoff.ts';

/** A keyed work queue whose failed keys come back after a backoff, and are logged. */
export class RetryingQueue {
  private readonly queue: KeyedQueue;
  private readonly backoff: RetryBackoff;

  constructor(work: (key: string) => Promise<void>, log: (line: string) => void) {
    const report = reportReconcileError(log);
    this.backoff = new RetryBackoff((key) => this.queue.enqueue(key));
    this.queue = new KeyedQueue(
      async (key) => {
        await work(key);
        this.backoff.succeeded(key);
      },
      (key, error) => {
        report(key, error);
        this.backoff.failed(key);
      },
    );
  }

  enqueue(key: string): void {
    this.queue.enqueue(key);
  }

  async stop(): Promise<void> {
    this.backoff.stop();
    await this.queue.stop();
  }
}
