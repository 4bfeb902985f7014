import { KubeApiError } from '../../kube-rest/errors.ts';

/**
 * Reconcile failures are logged, never thrown: the next watch event retries. A server that went
 * away under a stopping agent (status 0) is not worth a line.
 */
export function reportReconcileError(log: (line: string) => void): (key: string, error: unknown) => void {
  return (key, error) => {
    if (error instanceof KubeApiError && error.status === 0) return;
    log(`node-agent: reconcile of ${key} failed: ${(error as Error).stack ?? String(error)}`);
  };
}
